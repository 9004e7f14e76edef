"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=what-if.types.js.map