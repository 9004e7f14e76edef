"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.AUDIT_EXPORT_CONTENT_TYPES = void 0;
exports.exportCells = exportCells;
exports.writeAuditExport = writeAuditExport;
const csv_stringify_1 = require("csv-stringify");
const exceljs_1 = __importDefault(require("exceljs"));
// The one spreadsheet-safety helper (moving to common/export/: change this import only).
const spreadsheet_safe_1 = require("../common/export/spreadsheet-safe");
exports.AUDIT_EXPORT_CONTENT_TYPES = {
    csv: 'text/csv; charset=utf-8',
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
/** The columns of the export: Chinese first, the machine name after a slash (as the stats export). */
const COLUMNS = [
    { key: 'seq', header: '序号/seq', width: 10, value: (r) => r.seq },
    { key: 'at', header: '时间/at', width: 26, value: (r) => r.at },
    { key: 'actorId', header: '操作人/actor_id', width: 38, value: (r) => r.actorId },
    { key: 'actorRole', header: '角色/actor_role', width: 12, value: (r) => r.actorRole },
    { key: 'action', header: '操作/action', width: 28, value: (r) => r.action },
    { key: 'objectType', header: '对象类型/object_type', width: 16, value: (r) => r.objectType },
    { key: 'objectId', header: '对象/object_id', width: 38, value: (r) => r.objectId },
    { key: 'result', header: '结果/result', width: 10, value: (r) => r.result },
    { key: 'ip', header: '地址/ip', width: 16, value: (r) => r.ip },
    { key: 'requestId', header: '请求/request_id', width: 38, value: (r) => r.requestId },
    { key: 'detail', header: '详情/detail', width: 60, value: (r) => JSON.stringify(r.detail) },
    { key: 'chainSeq', header: '链位置/chain_seq', width: 12, value: (r) => r.chainSeq },
    { key: 'hash', header: '哈希/hash', width: 66, value: (r) => r.hash },
];
/**
 * A row's cells, each text made formula-safe (a leading `=`, `+`, `-`, `@`, tab or CR is escaped):
 * an object id, a request id or a detail value is text a caller chose, and a spreadsheet must not
 * run it. Numbers stay numbers.
 */
function exportCells(row) {
    return COLUMNS.map(({ value }) => {
        const cell = value(row);
        return typeof cell === 'string' ? (0, spreadsheet_safe_1.safeText)(cell) : cell;
    });
}
/** Stops an export whose client went away: no further page is read for nobody. */
function stillOpen(stream) {
    if (stream.destroyed)
        throw new Error('export stream closed before it was written');
}
/** Resolves when `stream` drains; rejects when it closes or fails first (the client went away). */
function drained(stream) {
    return new Promise((resolve, reject) => {
        const settle = (error) => {
            stream.off('drain', onDrain);
            stream.off('close', onClose);
            stream.off('error', onError);
            if (error)
                reject(error);
            else
                resolve();
        };
        const onDrain = () => settle();
        const onClose = () => settle(new Error('export stream closed before it was written'));
        const onError = (error) => settle(error);
        stream.on('drain', onDrain).on('close', onClose).on('error', onError);
    });
}
/**
 * Writes pages of rows to `out` as CSV (UTF-8 with BOM, so Excel reads the Chinese; CRLF) or XLSX
 * (exceljs's streaming writer, no shared strings), a page at a time: after each page it waits for
 * `out` to drain, so memory holds about one page however long the export.
 */
async function writeAuditExport(format, pages, out) {
    if (format === 'csv') {
        const csv = (0, csv_stringify_1.stringify)({
            bom: true,
            header: true,
            columns: COLUMNS.map(({ key, header }) => ({ key, header })),
            record_delimiter: 'windows',
        });
        csv.pipe(out);
        for await (const page of pages) {
            stillOpen(out);
            for (const row of page)
                csv.write(Object.fromEntries(exportCells(row).map((c, i) => [COLUMNS[i].key, c])));
            if (out.writableNeedDrain)
                await drained(out);
        }
        csv.end();
        return;
    }
    const workbook = new exceljs_1.default.stream.xlsx.WorkbookWriter({
        stream: out,
        useStyles: false,
        useSharedStrings: false,
    });
    const sheet = workbook.addWorksheet('audit_log');
    sheet.columns = COLUMNS.map(({ key, header, width }) => ({ key, header, width }));
    for await (const page of pages) {
        stillOpen(out);
        for (const row of page)
            sheet.addRow(exportCells(row)).commit();
        if (out.writableNeedDrain)
            await drained(out);
    }
    sheet.commit();
    await workbook.commit();
}
//# sourceMappingURL=audit.export.js.map