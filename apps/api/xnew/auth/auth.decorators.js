"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CurrentUser = exports.SignedIn = exports.SIGNED_IN = exports.RequirePermission = exports.Public = exports.ROUTE_PERMISSION = exports.PUBLIC_ROUTE = void 0;
const common_1 = require("@nestjs/common");
exports.PUBLIC_ROUTE = 'huanxin:public';
exports.ROUTE_PERMISSION = 'huanxin:permission';
/** Open to everyone, signed in or not. Every other route must name a permission. */
const Public = () => (0, common_1.SetMetadata)(exports.PUBLIC_ROUTE, true);
exports.Public = Public;
/** The permission (from @huanxin/shared ROLE_PERMISSIONS) a caller needs for this route. */
const RequirePermission = (permission) => (0, common_1.SetMetadata)(exports.ROUTE_PERMISSION, permission);
exports.RequirePermission = RequirePermission;
/** Any signed-in user (for routes about the caller themselves, e.g. /auth/me, logout). */
exports.SIGNED_IN = 'signed-in';
const SignedIn = () => (0, common_1.SetMetadata)(exports.ROUTE_PERMISSION, exports.SIGNED_IN);
exports.SignedIn = SignedIn;
/** The signed-in caller (the guard has already refused anonymous requests on non-public routes). */
exports.CurrentUser = (0, common_1.createParamDecorator)((_data, context) => {
    return context.switchToHttp().getRequest().user;
});
//# sourceMappingURL=auth.decorators.js.map