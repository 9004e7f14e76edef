"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.requestContext = void 0;
const node_async_hooks_1 = require("node:async_hooks");
const storage = new node_async_hooks_1.AsyncLocalStorage();
exports.requestContext = {
    run(context, fn) {
        return storage.run(context, fn);
    },
    get() {
        return storage.getStore();
    },
};
//# sourceMappingURL=request-context.js.map