import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const ORGANIZATION_KINDS = [
  'appliance_retailer',
  'car_dealer',
  'recycler',
  'dismantler',
  'car_dealer_dismantler',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** A participating dealer, recycler or dismantler; dealer accounts belong to one. */
@Entity({ name: 'organization' })
@Check(
  'organization_kind_known',
  `"kind" IN ('appliance_retailer', 'car_dealer', 'recycler', 'dismantler', 'car_dealer_dismantler')`,
)
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  /** Unified social credit code (统一社会信用代码), normalised. */
  @Index({ unique: true })
  @Column({ type: 'text' })
  uscc: string;

  @Column({ type: 'text' })
  kind: OrganizationKind;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
