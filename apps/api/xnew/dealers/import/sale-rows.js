"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_REPORTED_ERRORS = void 0;
exports.importFailed = importFailed;
exports.validateSaleRows = validateSaleRows;
const shared_1 = require("@huanxin/shared");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const domain_error_1 = require("../../common/errors/domain-error");
const input_guard_1 = require("../../common/validation/input-guard");
const validation_pipe_1 = require("../../common/validation/validation.pipe");
const columns_1 = require("./columns");
/** Row errors answered at most (a file wrong in every cell gets a readable answer, with the count). */
exports.MAX_REPORTED_ERRORS = 1000;
/** Fields unique per sale (by constraint): a repeat inside one file is reported at its later line. */
const UNIQUE_IN_FILE = ['serialNo', 'imei', 'invoiceNo'];
/** 422 IMPORT_FAILED with the rows' problems, in line order; nothing was written. */
function importFailed(errors, message) {
    const sorted = [...errors].sort((a, b) => a.line - b.line);
    const rows = sorted.slice(0, exports.MAX_REPORTED_ERRORS);
    return new domain_error_1.DomainError(shared_1.ErrorCode.IMPORT_FAILED, message ?? `${errors.length} problem(s) in the file; nothing was imported`, { extra: { rows, ...(sorted.length > rows.length ? { omitted: sorted.length - rows.length } : {}) } });
}
/**
 * The sheet's rows as validated sale bodies: the header mapped (IMPORT_COLUMNS), each row mapped
 * to the nested body and checked by the same DTO class as `POST /api/dealer/sales` (types,
 * lengths, unknown fields, text PostgreSQL cannot store), then by `rules` (the shared sale rules:
 * checksums, a person as buyer, amounts, dates), and serial, IMEI and invoice numbers checked for
 * repeats inside the file. What needs the database (the product, the filed price, sales recorded
 * before) is the sales service's, once the file passes these. Every problem of every row is collected;
 * any problem is 422 IMPORT_FAILED `rows: [{ line, field, code }]`.
 */
async function validateSaleRows(sheet, dto, rules = () => ({})) {
    const columns = (0, columns_1.mapHeader)(sheet.header);
    if (sheet.rows.length === 0)
        throw importFailed([{ line: 1, field: 'file', code: 'NO_ROWS' }], 'The file has no data rows');
    const errors = [];
    const inputs = [];
    const lines = [];
    const firstLine = new Map();
    for (const row of sheet.rows) {
        const mapped = (0, columns_1.mapRow)(row, columns);
        const fields = {};
        for (const error of mapped.errors)
            fields[error.field] ??= error.code;
        const unsafe = (0, input_guard_1.findUnsafeValues)(mapped.input);
        const instance = (0, class_transformer_1.plainToInstance)(dto, mapped.input);
        const found = Object.keys(unsafe).length
            ? unsafe
            : (0, validation_pipe_1.toFieldCodes)(await (0, class_validator_1.validate)(instance, {
                whitelist: true,
                forbidNonWhitelisted: true,
                forbidUnknownValues: true,
                validationError: { target: false, value: false },
            }));
        // A cell's own problem (a formula) says more than the DTO's view of the missing value, and
        // the DTO's (a wrong type) more than the sale rules' view of the same field.
        for (const [field, code] of Object.entries(found))
            if (!hasPrefix(fields, field))
                fields[field] = code;
        if (Object.keys(unsafe).length === 0)
            for (const [field, code] of Object.entries(rules(mapped.input)))
                if (!hasPrefix(fields, field))
                    fields[field] = code;
        for (const key of UNIQUE_IN_FILE) {
            const value = mapped.input[key];
            if (typeof value !== 'string' || value === '')
                continue;
            const seen = firstLine.get(`${key}\u0000${value}`);
            if (seen === undefined)
                firstLine.set(`${key}\u0000${value}`, row.line);
            else
                fields[key] ??= shared_1.FieldErrorCode.DUPLICATE_IN_FILE;
        }
        const rowErrors = Object.entries(fields);
        if (rowErrors.length === 0) {
            inputs.push(instance);
            lines.push(row.line);
        }
        else
            for (const [field, code] of rowErrors)
                errors.push({ line: row.line, field, code });
    }
    if (errors.length > 0)
        throw importFailed(errors);
    return { inputs, lines };
}
/** True when a field or a parent or child of it already has a problem. */
function hasPrefix(fields, field) {
    return Object.keys(fields).some((known) => known === field || known.startsWith(`${field}.`) || field.startsWith(`${known}.`));
}
//# sourceMappingURL=sale-rows.js.map