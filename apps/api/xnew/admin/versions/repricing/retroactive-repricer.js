"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RetroactiveRepricer = void 0;
/**
 * Re-pricing of claims already filed when a version is published retroactively (operations.md §10,
 * as in August 2024 when the car amounts were raised for claims not yet paid). The publish
 * transaction (ProgramVersionsService.publish) calls it; h-whatif owns the implementation, wired by
 * the integrator as the provider of this class.
 */
class RetroactiveRepricer {
}
exports.RetroactiveRepricer = RetroactiveRepricer;
//# sourceMappingURL=retroactive-repricer.js.map