"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.netReceivables = netReceivables;
/** `receivables` in the order they are netted (oldest first); `lines` in batch order. */
function netReceivables(lines, receivables) {
    const result = {
        lines: new Map(lines.map((line) => [line.key, { nettedFen: 0, payFen: line.amountFen }])),
        allocations: [],
    };
    for (const receivable of receivables) {
        let open = receivable.openFen;
        for (const line of lines) {
            if (open <= 0)
                break;
            if (line.payeeKey !== receivable.payeeKey)
                continue;
            const figures = result.lines.get(line.key);
            const take = Math.min(open, figures.payFen);
            if (take <= 0)
                continue;
            figures.payFen -= take;
            figures.nettedFen += take;
            open -= take;
            result.allocations.push({ receivableId: receivable.id, lineKey: line.key, amountFen: take });
        }
    }
    return result;
}
//# sourceMappingURL=netting.js.map