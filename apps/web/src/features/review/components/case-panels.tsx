import { Table, Tag, Tooltip } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, QuestionCircleFilled } from '@ant-design/icons';
import {
  formatFen,
  type FactType,
  type MatrixResult,
  type MatrixRow,
  type MatrixSource,
  type ReviewCase,
  type ReviewFlag,
} from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { moneyLocale } from '@/lib/i18n';
import { flattenFacts, formatDateTime } from '../lib/format';
import { useFlagTitle } from './review-tags';

export type FactLabel = (path: string) => string;
/** The program's type of a fact path (`money` facts are in fen); undefined for other sources' fields. */
export type FactTypeOf = (path: string) => FactType | undefined;

/** A fact's value as the console shows it: money in yuan (`¥3,000.00`), booleans in words, `—` when empty. */
function useShowFact(typeOf: FactTypeOf) {
  const { t, i18n } = useTranslation('review');
  return (path: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (typeof value === 'boolean') return value ? t('yes') : t('no');
    if (typeOf(path) === 'money' && typeof value === 'number' && Number.isSafeInteger(value))
      return formatFen(value, moneyLocale(i18n.language));
    return String(value);
  };
}

/** The claim's facts as sent by the server (identifiers already masked). */
export function FactList({
  facts,
  factLabel,
  factType,
}: {
  facts: Record<string, unknown>;
  factLabel: FactLabel;
  factType: FactTypeOf;
}) {
  const show = useShowFact(factType);
  return (
    <dl className="hx-dl hx-case__facts" data-testid="case-facts">
      {flattenFacts(facts).map(([path, value]) => (
        <div key={path} className="hx-dl__row" data-fact={path}>
          <dt>{factLabel(path)}</dt>
          <dd>{show(path, value)}</dd>
        </div>
      ))}
    </dl>
  );
}

const RESULT_ORDER: Record<MatrixResult, number> = { conflict: 0, insufficient: 1, match: 2 };
const RESULT_LOOK: Record<MatrixResult, { color: string; icon: React.ReactNode }> = {
  conflict: { color: 'error', icon: <CloseCircleFilled aria-hidden /> },
  insufficient: { color: 'default', icon: <QuestionCircleFilled aria-hidden /> },
  match: { color: 'success', icon: <CheckCircleFilled aria-hidden /> },
};

/** Conflicts first, then what could not be compared, then matches; the server's order within each. */
export function sortMatrix(rows: readonly MatrixRow[]): MatrixRow[] {
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => RESULT_ORDER[a.row.result] - RESULT_ORDER[b.row.result] || a.i - b.i)
    .map(({ row }) => row);
}

export function MatrixResultTag({ result }: { result: MatrixResult }) {
  const { t } = useTranslation('review');
  const look = RESULT_LOOK[result];
  return (
    <Tag color={look.color} icon={look.icon} data-result={result}>
      {t(`matrix.result.${result}`)}
    </Tag>
  );
}

/** A cell that keeps to its column: one line, cut with an ellipsis, the whole text in a tooltip. */
function Clipped({ text }: { text: string }) {
  return (
    <Tooltip title={text} placement="topLeft" mouseEnterDelay={0.3}>
      <span className="hx-matrix__cell" tabIndex={0}>
        {text}
      </span>
    </Tooltip>
  );
}

/**
 * The field matrix: each key field in every source that records it, with the comparison's result. It fits
 * its pane (half of a 1366 px screen) without scrolling sideways: fixed layout, the field names wrapping in
 * a third of it, the result a fixed column, the sources sharing the rest, long values cut with the full
 * text on hover and focus.
 */
export function FieldMatrix({
  rows,
  factLabel,
  factType,
}: {
  rows: readonly MatrixRow[];
  factLabel: FactLabel;
  factType: FactTypeOf;
}) {
  const { t } = useTranslation('review');
  const show = useShowFact(factType);
  const sources = [...new Set(rows.flatMap((r) => r.values.map((v) => v.source)))] as MatrixSource[];
  const sorted = sortMatrix(rows);
  // Fields of other sources than the claim (the profile's name, the payout card) have their own names.
  const label = (field: string) => t(`matrix.fieldNames.${field}`, { defaultValue: factLabel(field) });
  return (
    <Table<MatrixRow>
      className="hx-matrix"
      data-testid="field-matrix"
      rowKey="field"
      size="small"
      pagination={false}
      dataSource={sorted}
      tableLayout="fixed"
      rowClassName={(row) => `is-${row.result}`}
      locale={{ emptyText: t('matrix.empty') }}
      // The result next to the field, so it is read with the field's name.
      columns={[
        {
          title: t('matrix.field'),
          dataIndex: 'field',
          width: '30%',
          // Field names wrap (they are what the reviewer reads first); values are cut.
          render: (f: string) => label(f),
        },
        {
          title: t('matrix.resultLabel'),
          dataIndex: 'result',
          width: 100,
          render: (r: MatrixResult) => <MatrixResultTag result={r} />,
        },
        ...sources.map((source) => ({
          title: <Clipped text={t(`matrix.source.${source}`)} />,
          key: source,
          render: (_: unknown, row: MatrixRow) => (
            <Clipped text={show(row.field, row.values.find((v) => v.source === source)?.value)} />
          ),
        })),
      ]}
    />
  );
}

/** A flag's detail as "key: value" pairs (the rule's reason, e.g. the other claim's code). */
function detailText(detail: Record<string, unknown>): string {
  return Object.entries(detail)
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join('；');
}

export function FlagList({ flags, riskScore }: { flags: readonly ReviewFlag[]; riskScore: number }) {
  const { t } = useTranslation('review');
  const title = useFlagTitle();
  if (flags.length === 0) return <p className="hx-note">{t('flags.none')}</p>;
  return (
    <>
      <p className="hx-case__score">{t('flags.score', { score: riskScore })}</p>
      <ul className="hx-case__flags">
        {flags.map((flag) => (
          <li key={flag.code} data-flag={flag.code}>
            <Tag color="volcano">{title(flag.code)}</Tag>
            <span className="hx-case__weight">{t('flags.weight', { weight: flag.weight })}</span>
            {Object.keys(flag.detail).length > 0 ? (
              <span className="hx-note"> {detailText(flag.detail)}</span>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

export function HistoryList({ history }: { history: ReviewCase['history'] }) {
  const { t, i18n } = useTranslation(['review', 'applications']);
  if (history.length === 0) return <p className="hx-note">{t('history.none')}</p>;
  return (
    <ul className="hx-case__list" data-testid="case-history">
      {history.map((h) => (
        <li key={h.id}>
          <span className="hx-case__code">{h.code}</span> {h.programCode} ·{' '}
          {t(`applications:status.${h.status}`)} · {formatFen(h.amountFen, moneyLocale(i18n.language))}
        </li>
      ))}
    </ul>
  );
}

export function DecisionList({
  decisions,
  reasonTitle,
}: {
  decisions: ReviewCase['decisions'];
  reasonTitle: (code: string) => string;
}) {
  const { t, i18n } = useTranslation('review');
  if (decisions.length === 0) return <p className="hx-note">{t('decisions.none')}</p>;
  return (
    <ol className="hx-case__list" data-testid="case-decisions">
      {decisions.map((d) => (
        <li key={`${d.at}-${d.by.id}`}>
          <time dateTime={d.at}>{formatDateTime(d.at, i18n.language)}</time> {d.by.displayName} ·{' '}
          {t(`decision.${d.decision}`)}
          {d.reasonCode ? ` · ${reasonTitle(d.reasonCode)}` : ''}
        </li>
      ))}
    </ol>
  );
}
