"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.validateFields = validateFields;
const validation_pipe_1 = require("../../common/validation/validation.pipe");
const fieldsPipe = (0, validation_pipe_1.createValidationPipe)();
/**
 * A multipart upload's fields (those sent before the file part), validated like a JSON body by the
 * global pipe: unknown fields refused, text PostgreSQL cannot hold refused, 422 with `fields`.
 */
async function validateFields(dto, fields) {
    return (await fieldsPipe.transform({ ...fields }, { type: 'body', metatype: dto }));
}
//# sourceMappingURL=multipart-fields.js.map