"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RESIDENT_LIST = void 0;
exports.residentListRoute = residentListRoute;
const shared_1 = require("@huanxin/shared");
/**
 * `GET /api/applications`, the caller's claims: the resident's most frequent read (the portal's
 * home page polls it), served as a lean route (common/http/lean-route.ts). Declared here, with the
 * controller's other routes' permission, and mounted by the app factory.
 */
exports.RESIDENT_LIST = {
    method: 'GET',
    url: '/api/applications',
    permission: shared_1.Permission.ApplicationsOwn,
    operationId: 'ApplicationsController_list',
    tag: 'applications',
    summary: "The caller's applications",
};
function residentListRoute(applications) {
    return { ...exports.RESIDENT_LIST, answer: (user) => applications.list(user.id) };
}
//# sourceMappingURL=resident-list.route.js.map