"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=matrix-source.js.map