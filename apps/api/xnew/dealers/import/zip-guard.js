"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.archiveRejected = exports.XLSX_LIMITS = void 0;
exports.inflateArchive = inflateArchive;
exports.repackStored = repackStored;
const node_zlib_1 = require("node:zlib");
const shared_1 = require("@huanxin/shared");
const domain_error_1 = require("../../common/errors/domain-error");
/**
 * What an uploaded XLSX (a ZIP archive) may hold before anything inflates it. A real 5,000-row
 * sale sheet is a dozen entries and a few megabytes of XML; these caps leave ample room for that and
 * none for a zip bomb (a few kilobytes that inflate to gigabytes, or thousands of entries).
 */
exports.XLSX_LIMITS = {
    /** Entries of the archive (Excel writes 10–20; a template with a products sheet a few more). */
    maxEntries: 100,
    /** Inflated bytes of one entry. */
    maxEntryBytes: 48 * 1024 * 1024,
    /** Inflated bytes of all entries together. */
    maxTotalBytes: 64 * 1024 * 1024,
};
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const EOCD_MIN = 22;
/** The end record is followed by at most a 65,535-byte comment. */
const EOCD_SEARCH = EOCD_MIN + 0xffff;
/** Entry names of nested archives and embedded documents: an import needs none of them. */
const NESTED_NAME = /(^|\/)embeddings\/|\.(zip|xlsx|xlsm|xlsb|xls|docx|pptx|jar|gz|tgz|7z|rar)$/i;
const archiveRejected = (reason, message) => new domain_error_1.DomainError(shared_1.ErrorCode.IMPORT_ARCHIVE_REJECTED, message, { extra: { reason } });
exports.archiveRejected = archiveRejected;
/**
 * Reads the archive's central directory and refuses it (422 IMPORT_ARCHIVE_REJECTED) when its
 * declared sizes or entry count pass the caps, before a byte is inflated. Then inflates each
 * entry with the remaining budget as zlib's hard output limit — a central directory can lie, so
 * the cap holds while inflating too, and an entry whose real size or CRC differs from the
 * declared one is refused. Entries that are archives themselves (by name or by content) are
 * refused: nothing here ever inflates a nested archive. ZIP64, encryption, split archives and
 * methods other than stored/deflate are refused as well (Excel writes none of them for a sheet
 * this size).
 *
 * Returns the entries' real bytes; `repackStored` turns them into an archive that exceljs reads
 * without inflating anything, so the only inflation of the upload is this capped one.
 */
function inflateArchive(buffer, limits = exports.XLSX_LIMITS) {
    const end = findEndRecord(buffer);
    const disk = buffer.readUInt16LE(end + 4);
    const cdDisk = buffer.readUInt16LE(end + 6);
    const entriesOnDisk = buffer.readUInt16LE(end + 8);
    const entryCount = buffer.readUInt16LE(end + 10);
    const cdSize = buffer.readUInt32LE(end + 12);
    const cdOffset = buffer.readUInt32LE(end + 16);
    if (entryCount === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff)
        throw (0, exports.archiveRejected)('zip64', 'ZIP64 archives are not accepted: save the sheet again as .xlsx');
    if (disk !== 0 || cdDisk !== 0 || entriesOnDisk !== entryCount)
        throw (0, exports.archiveRejected)('split', 'Split archives are not accepted');
    if (entryCount > limits.maxEntries)
        throw (0, exports.archiveRejected)('too_many_entries', `The archive has ${entryCount} entries (at most ${limits.maxEntries})`);
    if (cdOffset + cdSize > end)
        throw (0, exports.archiveRejected)('corrupt', 'The archive’s directory is damaged');
    const declared = [];
    const names = new Set();
    let declaredTotal = 0;
    let at = cdOffset;
    for (let i = 0; i < entryCount; i += 1) {
        if (at + 46 > cdOffset + cdSize || buffer.readUInt32LE(at) !== CENTRAL)
            throw (0, exports.archiveRejected)('corrupt', 'The archive’s directory is damaged');
        const flags = buffer.readUInt16LE(at + 8);
        const method = buffer.readUInt16LE(at + 10);
        const crc = buffer.readUInt32LE(at + 16);
        const compressedSize = buffer.readUInt32LE(at + 20);
        const size = buffer.readUInt32LE(at + 24);
        const nameLength = buffer.readUInt16LE(at + 28);
        const extraLength = buffer.readUInt16LE(at + 30);
        const commentLength = buffer.readUInt16LE(at + 32);
        const localOffset = buffer.readUInt32LE(at + 42);
        const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
        at += 46 + nameLength + extraLength + commentLength;
        if (flags & 0x0001)
            throw (0, exports.archiveRejected)('encrypted', 'Encrypted workbooks are not accepted');
        if (method !== 0 && method !== 8)
            throw (0, exports.archiveRejected)('method', `Entry ${name} uses compression method ${method}`);
        if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff)
            throw (0, exports.archiveRejected)('zip64', 'ZIP64 archives are not accepted: save the sheet again as .xlsx');
        if (names.has(name))
            throw (0, exports.archiveRejected)('duplicate_entry', `Entry ${name} appears twice`);
        names.add(name);
        if (NESTED_NAME.test(name))
            throw (0, exports.archiveRejected)('nested', `The workbook embeds another archive or document (${name})`);
        if (size > limits.maxEntryBytes)
            throw (0, exports.archiveRejected)('too_large', `Entry ${name} inflates to ${size} bytes (at most ${limits.maxEntryBytes})`);
        declaredTotal += size;
        if (declaredTotal > limits.maxTotalBytes)
            throw (0, exports.archiveRejected)('too_large', `The archive inflates to more than ${limits.maxTotalBytes} bytes`);
        declared.push({ name, method, compressedSize, size, crc, localOffset });
    }
    let budget = limits.maxTotalBytes;
    return declared.map((entry) => {
        const local = entry.localOffset;
        if (local + 30 > buffer.length || buffer.readUInt32LE(local) !== LOCAL)
            throw (0, exports.archiveRejected)('corrupt', `Entry ${entry.name} is damaged`);
        const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
        const stop = start + entry.compressedSize;
        if (stop > buffer.length)
            throw (0, exports.archiveRejected)('corrupt', `Entry ${entry.name} is cut short`);
        const raw = buffer.subarray(start, stop);
        const cap = Math.min(budget, limits.maxEntryBytes);
        let data;
        if (entry.method === 0)
            data = raw;
        else {
            try {
                // zlib stops (and throws) as soon as the output would pass the cap.
                data = (0, node_zlib_1.inflateRawSync)(raw, { maxOutputLength: Math.max(cap, 1) });
            }
            catch (error) {
                if (error.code === 'ERR_BUFFER_TOO_LARGE')
                    throw (0, exports.archiveRejected)('too_large', `Entry ${entry.name} inflates past the limit`);
                throw (0, exports.archiveRejected)('corrupt', `Entry ${entry.name} is damaged`);
            }
        }
        if (data.length !== entry.size || data.length > cap)
            throw (0, exports.archiveRejected)('size_mismatch', `Entry ${entry.name} is not the size its directory declares`);
        if ((0, node_zlib_1.crc32)(data) >>> 0 !== entry.crc)
            throw (0, exports.archiveRejected)('corrupt', `Entry ${entry.name} fails its checksum`);
        if (data.length >= 4 && data.readUInt32LE(0) === LOCAL)
            throw (0, exports.archiveRejected)('nested', `Entry ${entry.name} is itself an archive`);
        budget -= data.length;
        return { name: entry.name, data };
    });
}
/** The end-of-central-directory record's offset (searched from the end, past a possible comment). */
function findEndRecord(buffer) {
    const floor = Math.max(0, buffer.length - EOCD_SEARCH);
    for (let at = buffer.length - EOCD_MIN; at >= floor; at -= 1)
        if (buffer.readUInt32LE(at) === EOCD)
            return at;
    throw (0, exports.archiveRejected)('corrupt', 'The file is not a complete ZIP archive');
}
/**
 * The entries as a ZIP with every entry stored (method 0): the archive exceljs reads, so its own
 * unzip only copies bytes this guard has already counted.
 */
function repackStored(entries) {
    const locals = [];
    const centrals = [];
    let offset = 0;
    for (const entry of entries) {
        const name = Buffer.from(entry.name, 'utf8');
        const crc = (0, node_zlib_1.crc32)(entry.data) >>> 0;
        const local = Buffer.alloc(30);
        local.writeUInt32LE(LOCAL, 0);
        local.writeUInt16LE(20, 4); // version needed
        local.writeUInt16LE(0x0800, 6); // UTF-8 names
        local.writeUInt16LE(0, 8); // stored
        local.writeUInt32LE(crc, 14);
        local.writeUInt32LE(entry.data.length, 18);
        local.writeUInt32LE(entry.data.length, 22);
        local.writeUInt16LE(name.length, 26);
        const central = Buffer.alloc(46);
        central.writeUInt32LE(CENTRAL, 0);
        central.writeUInt16LE(20, 4);
        central.writeUInt16LE(20, 6);
        central.writeUInt16LE(0x0800, 8);
        central.writeUInt32LE(crc, 16);
        central.writeUInt32LE(entry.data.length, 20);
        central.writeUInt32LE(entry.data.length, 24);
        central.writeUInt16LE(name.length, 28);
        central.writeUInt32LE(offset, 42);
        locals.push(local, name, entry.data);
        centrals.push(central, name);
        offset += 30 + name.length + entry.data.length;
    }
    const directory = Buffer.concat(centrals);
    const end = Buffer.alloc(EOCD_MIN);
    end.writeUInt32LE(EOCD, 0);
    end.writeUInt16LE(entries.length, 8);
    end.writeUInt16LE(entries.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(offset, 16);
    return Buffer.concat([...locals, directory, end]);
}
//# sourceMappingURL=zip-guard.js.map