"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isBlankRow = exports.EMPTY = void 0;
exports.EMPTY = { kind: 'empty' };
const isBlankRow = (cells) => cells.every((cell) => cell.kind === 'empty' || (cell.kind === 'text' && cell.text.trim() === ''));
exports.isBlankRow = isBlankRow;
//# sourceMappingURL=sheet.js.map