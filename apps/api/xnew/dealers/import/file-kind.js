"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.sniffImportFile = sniffImportFile;
const shared_1 = require("@huanxin/shared");
const domain_error_1 = require("../../common/errors/domain-error");
/** Signatures of files people upload by mistake, named in the 415 answer. */
const KNOWN_BINARY = [
    {
        name: 'an Excel 97–2003 .xls (save it as .xlsx or CSV)',
        bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    },
    { name: 'a PDF', bytes: [0x25, 0x50, 0x44, 0x46] },
    { name: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
    { name: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
    { name: 'a gzip archive', bytes: [0x1f, 0x8b] },
    { name: 'a 7-Zip archive', bytes: [0x37, 0x7a, 0xbc, 0xaf] },
    { name: 'a RAR archive', bytes: [0x52, 0x61, 0x72, 0x21] },
];
/** The first bytes a text check reads (a CSV's start; binary files show themselves at once). */
const TEXT_PROBE = 8192;
const unsupported = (what) => new domain_error_1.DomainError(shared_1.ErrorCode.UNSUPPORTED_MEDIA_TYPE, `The file is ${what}: upload a CSV or an .xlsx workbook`);
/**
 * The file's kind by its bytes, never its name or declared type: a ZIP local header is an XLSX
 * candidate (the archive guard and the workbook check decide), text without control characters
 * is CSV; anything else is 415 UNSUPPORTED_MEDIA_TYPE.
 */
function sniffImportFile(content) {
    const starts = (bytes) => bytes.every((byte, i) => content[i] === byte);
    if (starts([0x50, 0x4b, 0x03, 0x04]))
        return 'xlsx';
    for (const known of KNOWN_BINARY)
        if (starts(known.bytes))
            throw unsupported(known.name);
    const head = content.subarray(0, TEXT_PROBE);
    for (const byte of head) {
        // Text has tabs and line ends, never other C0 controls (NUL marks UTF-16 or binary data).
        if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d)
            throw unsupported('not text');
        if (byte === 0x7f)
            throw unsupported('not text');
    }
    return 'csv';
}
//# sourceMappingURL=file-kind.js.map