import { useMemo } from 'react';
import { Card, Col, Row, Table, Tag } from 'antd';
import {
  formatFen,
  todayInShanghai,
  LEDGER_OPEN_STATES,
  LEDGER_TOTAL_KEYS,
  type DealerLedger as Ledger,
  type DealerLedgerItem,
} from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { EChart } from '@/components/ui/EChart';
import { ErrorState, LoadingState } from '@/components/ui/query-state';
import { moneyLocale } from '@/lib/i18n';
import { useLedger } from '../api/get-ledger';
import { LEDGER_STATE_COLORS, LEDGER_TAG_COLORS, ledgerChartOption } from '../lib/ledger-chart';

/** The dealer's ledger page body: read, then drawn by LedgerView. */
export function DealerLedger() {
  const ledger = useLedger();
  if (ledger.isPending) return <LoadingState />;
  if (ledger.isError) return <ErrorState error={ledger.error} onRetry={() => void ledger.refetch()} />;
  return <LedgerView ledger={ledger.data} />;
}

/**
 * Where the organisation's money is (operations.md §1, §8): a card per state (advanced at the till,
 * in review, approved, in a payment batch, paid, owed back), the same figures as a chart of money by
 * state, and every claim with its state and the date its next move is due by the SLA clocks. On a
 * phone the cards stack two by two and the table scrolls sideways; on a desktop they sit in a row.
 */
export function LedgerView({ ledger }: { ledger: Ledger }) {
  const { t, i18n } = useTranslation('ledger');
  const locale = moneyLocale(i18n.language);
  const yuan = (fen: number) => formatFen(fen, locale);
  const states = Object.fromEntries(LEDGER_OPEN_STATES.map((s) => [s, t(`state.${s}`)])) as Record<
    (typeof LEDGER_OPEN_STATES)[number],
    string
  >;
  const option = useMemo(
    () => ledgerChartOption(ledger.totals, { states, unit: t('unit.yuan') }),
    // The labels follow the language; the figures follow the reading.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [ledger, i18n.language],
  );
  const open = LEDGER_OPEN_STATES.reduce((sum, s) => sum + ledger.totals[LEDGER_TOTAL_KEYS[s]], 0);
  const owedToDealer = open - ledger.totals.paidFen - ledger.totals.receivableFen;

  return (
    <div className="hx-ledger">
      <div>
        <h2 className="hx-section__title">{t('title')}</h2>
        <p className="hx-note">{t('intro', { waiting: yuan(owedToDealer) })}</p>
      </div>
      <section aria-labelledby="ledger-totals-title">
        <h2 id="ledger-totals-title" className="hx-section__title">
          {t('totals.title')}
        </h2>
        <Row gutter={[12, 12]} role="list">
          {LEDGER_OPEN_STATES.map((state) => (
            <Col key={state} xs={12} md={8} xl={4} role="listitem">
              <Card
                size="small"
                data-testid={`ledger-total-${state}`}
                style={{ borderTop: `3px solid ${LEDGER_STATE_COLORS[state]}` }}
              >
                <div className="hx-ledger__label">{states[state]}</div>
                <div className="hx-ledger__amount">{yuan(ledger.totals[LEDGER_TOTAL_KEYS[state]])}</div>
              </Card>
            </Col>
          ))}
        </Row>
      </section>

      <section aria-labelledby="ledger-chart-title">
        <h2 id="ledger-chart-title" className="hx-section__title">
          {t('chart.title')}
        </h2>
        <EChart option={option} label={t('chart.label', { total: yuan(open) })} height={260} />
      </section>

      <Receivables items={ledger.items} yuan={yuan} />

      <section aria-labelledby="ledger-items-title">
        <h2 id="ledger-items-title" className="hx-section__title">
          {t('items.title')}
        </h2>
        <Table<DealerLedgerItem>
          rowKey="applicationCode"
          size="small"
          scroll={{ x: true }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          dataSource={ledger.items}
          locale={{ emptyText: t('items.empty') }}
          columns={[
            { title: t('items.code'), dataIndex: 'applicationCode' },
            {
              title: t('items.state'),
              dataIndex: 'state',
              render: (_, item) => (
                <Tag color={LEDGER_TAG_COLORS[item.state]}>{t(`state.${item.state}`)}</Tag>
              ),
            },
            {
              title: t('items.amount'),
              dataIndex: 'amountFen',
              align: 'right',
              render: (_, item) => yuan(item.amountFen),
            },
            {
              title: t('items.expectedOn'),
              dataIndex: 'expectedOn',
              render: (_, item) =>
                item.expectedOn ? (
                  <time dateTime={item.expectedOn}>
                    {t(`expected.${item.state}`, { date: item.expectedOn })}
                  </time>
                ) : (
                  '—'
                ),
            },
          ]}
        />
        <p className="hx-note">{t('items.releasedNote')}</p>
      </section>
    </div>
  );
}

/**
 * What the organisation owes back (returns after payment, failed sample audits): each receivable with
 * its amount and due date, overdue ones marked — while one is overdue the organisation's new payouts
 * are held (operations.md §6); otherwise they are netted against its next payment batch.
 */
export function Receivables({
  items,
  yuan,
  today = todayInShanghai(),
}: {
  items: DealerLedgerItem[];
  yuan: (fen: number) => string;
  today?: string;
}) {
  const { t } = useTranslation('ledger');
  const owed = items.filter((item) => item.state === 'receivable');
  const overdue = owed.some((item) => item.expectedOn !== undefined && item.expectedOn < today);
  return (
    <section aria-labelledby="ledger-receivables-title" data-testid="ledger-receivables">
      <h2 id="ledger-receivables-title" className="hx-section__title">
        {t('receivables.title')}
      </h2>
      {owed.length === 0 ? (
        <p className="hx-note">{t('receivables.empty')}</p>
      ) : (
        <>
          <p className="hx-note">{t('receivables.intro')}</p>
          {overdue ? (
            <p className="hx-field__error" role="alert">
              {t('receivables.held')}
            </p>
          ) : null}
          <ul className="hx-sale-cards">
            {owed.map((item) => {
              const late = item.expectedOn !== undefined && item.expectedOn < today;
              return (
                <li key={item.applicationCode} className="hx-sale-card" data-testid="receivable">
                  <div className="hx-sale-card__head">
                    <strong>{item.applicationCode}</strong>
                    <span>{yuan(item.amountFen)}</span>
                  </div>
                  <div className="hx-note">
                    {item.expectedOn ? (
                      <time dateTime={item.expectedOn}>
                        {t('expected.receivable', { date: item.expectedOn })}
                      </time>
                    ) : (
                      t('receivables.noDate')
                    )}{' '}
                    {late ? <Tag color="red">{t('receivables.overdue')}</Tag> : null}
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
