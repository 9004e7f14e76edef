/** The draft beside the published version: one row per changed leaf, old value | new value. */
import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProgramDefinition } from '@huanxin/shared';
import { diffDefinitions, rowContext, type DiffRow } from '../lib/definition-diff';

const show = (value: unknown) => (value === undefined ? '' : JSON.stringify(value));

export function DefinitionDiff({
  before,
  after,
  beforeLabel,
  afterLabel,
}: {
  before: ProgramDefinition;
  after: ProgramDefinition;
  beforeLabel: string;
  afterLabel: string;
}) {
  const { t } = useTranslation('editor');
  const rows = diffDefinitions(before, after);
  if (rows.length === 0)
    return (
      <p className="hx-note" data-testid="diff-empty">
        {t('diff.none')}
      </p>
    );
  return (
    <Table<DiffRow>
      className="hx-definition-diff"
      data-testid="definition-diff"
      size="small"
      rowKey="path"
      pagination={rows.length > 50 ? { pageSize: 50 } : false}
      dataSource={rows}
      caption={t('diff.caption', { count: rows.length })}
      columns={[
        {
          title: t('diff.where'),
          key: 'where',
          width: '34%',
          render: (_, row) => {
            const context = rowContext(row, after, before);
            return (
              <>
                <Tag color={row.kind === 'changed' ? 'blue' : row.kind === 'added' ? 'green' : 'red'}>
                  {t(`diff.kind.${row.kind}`)}
                </Tag>
                {t(`part.${row.part}`)}
                {context ? ` · ${context}` : ''}
                <br />
                <code className="hx-definition-diff__path">{row.path}</code>
              </>
            );
          },
        },
        {
          title: beforeLabel,
          key: 'before',
          render: (_, row) => <code className="hx-definition-diff__old">{show(row.before)}</code>,
        },
        {
          title: afterLabel,
          key: 'after',
          render: (_, row) => <code className="hx-definition-diff__new">{show(row.after)}</code>,
        },
      ]}
    />
  );
}
