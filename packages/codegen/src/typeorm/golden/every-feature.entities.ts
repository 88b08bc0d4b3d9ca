import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryColumn, PrimaryGeneratedColumn, type Relation, Unique } from 'typeorm';

export type Mood = 'happy' | 'neutral' | 'sad';

export type OrderStatus = 'new' | 'paid' | 'shipped' | 'cancelled';

/** What node-postgres returns for INTERVAL (a postgres-interval object); TypeORM passes it on. */
export interface PostgresInterval {
  years?: number;
  months?: number;
  days?: number;
  hours?: number;
  minutes?: number;
  seconds?: number;
  milliseconds?: number;
}

@Entity({ name: 'customers', comment: 'People who buy things.' })
@Unique('customers_email_key', ['email'])
@Check('customers_full_name_check', "full_name <> ''")
export class Customer {
  @PrimaryGeneratedColumn('increment', { name: 'id', type: 'bigint', primaryKeyConstraintName: 'customers_pkey' })
  id!: string;

  @Column({ name: 'email', type: 'varchar', length: 320, comment: 'Where receipts go.' })
  email!: string;

  @Column({ name: 'full_name', type: 'text' })
  fullName!: string;

  @Column({ name: 'referrer_id', type: 'bigint', nullable: true })
  referrerId!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'CURRENT_TIMESTAMP' })
  createdAt!: Date;

  @Column({ name: 'is_active', type: 'boolean', default: () => 'true' })
  isActive!: boolean;

  @ManyToOne(() => Customer, (customer) => customer.customersByReferrer, { onDelete: 'SET NULL', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'referrer_id', referencedColumnName: 'id', foreignKeyConstraintName: 'customers_referrer_id_fkey' })
  referrer!: Relation<Customer> | null;

  @OneToMany(() => Customer, (customer) => customer.referrer)
  customersByReferrer!: Relation<Customer>[];

  @OneToMany(() => Order, (order) => order.customer)
  orders!: Relation<Order>[];

  @OneToMany(() => Shipment, (shipment) => shipment.customer)
  shipments!: Relation<Shipment>[];
}

@Entity({ name: 'members' })
@Unique('members_team_nickname_key', ['teamId', 'nickname'])
export class Member {
  @PrimaryGeneratedColumn('increment', { name: 'id', type: 'integer', primaryKeyConstraintName: 'members_pkey' })
  id!: number;

  @Column({ name: 'team_id', type: 'integer' })
  teamId!: number;

  @Column({ name: 'nickname', type: 'varchar', length: 40 })
  nickname!: string;

  @ManyToOne(() => Team, (team) => team.members, { onDelete: 'CASCADE', onUpdate: 'NO ACTION', nullable: false })
  @JoinColumn({ name: 'team_id', referencedColumnName: 'id', foreignKeyConstraintName: 'members_team_id_fkey' })
  team!: Relation<Team>;

  @OneToMany(() => Team, (team) => team.leadMember)
  teamsByLeadMember!: Relation<Team>[];
}

@Entity({ name: 'order_lines' })
@Check('order_lines_quantity_check', 'quantity > 0')
export class OrderLine {
  @PrimaryColumn({ name: 'order_id', type: 'integer', primaryKeyConstraintName: 'order_lines_pkey' })
  orderId!: number;

  @PrimaryColumn({ name: 'line_no', type: 'smallint', primaryKeyConstraintName: 'order_lines_pkey' })
  lineNo!: number;

  @Column({ name: 'sku', type: 'char', length: 12 })
  sku!: string;

  @Column({ name: 'quantity', type: 'integer', default: () => '1' })
  quantity!: number;

  @ManyToOne(() => Order, (order) => order.orderLines, { onDelete: 'CASCADE', onUpdate: 'NO ACTION', nullable: false })
  @JoinColumn({ name: 'order_id', referencedColumnName: 'orderId', foreignKeyConstraintName: 'order_lines_order_id_fkey' })
  order!: Relation<Order>;

  @ManyToOne(() => Product, (product) => product.orderLines, { onDelete: 'RESTRICT', onUpdate: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'sku', referencedColumnName: 'sku', foreignKeyConstraintName: 'order_lines_sku_fkey' })
  product!: Relation<Product>;

  @OneToMany(() => Shipment, (shipment) => shipment.orderLine)
  shipments!: Relation<Shipment>[];
}

@Entity({ name: 'orders' })
@Index('orders_customer_id_placed_on_idx', ['customerId', 'placedOn'])
@Check('orders_total_range', '(total >= 0) AND (total < 1000000)')
export class Order {
  @PrimaryGeneratedColumn('increment', { name: 'order_id', type: 'integer', primaryKeyConstraintName: 'orders_pkey' })
  orderId!: number;

  @Column({ name: 'customer_id', type: 'bigint' })
  customerId!: string;

  @Column({ name: 'status', type: 'enum', enum: ['new', 'paid', 'shipped', 'cancelled'], enumName: 'order_status', default: () => "'new'" })
  status!: OrderStatus;

  @Column({ name: 'total', type: 'numeric', precision: 10, scale: 2, default: () => '0' })
  total!: string;

  @Column({ name: 'placed_on', type: 'date', nullable: true, default: () => 'CURRENT_DATE' })
  placedOn!: string | null;

  @Column({ name: 'placed_at', type: 'timestamp', nullable: true, default: () => 'now()' })
  placedAt!: Date | null;

  @Column({ name: 'notes', type: 'text', nullable: true })
  notes!: string | null;

  @ManyToOne(() => Customer, (customer) => customer.orders, { onDelete: 'CASCADE', onUpdate: 'NO ACTION', nullable: false })
  @JoinColumn({ name: 'customer_id', referencedColumnName: 'id', foreignKeyConstraintName: 'orders_customer_id_fkey' })
  customer!: Relation<Customer>;

  @OneToMany(() => OrderLine, (orderLine) => orderLine.order)
  orderLines!: Relation<OrderLine>[];
}

@Entity({ name: 'products' })
@Unique('products_name_price_key', ['name', 'price'])
@Index('ix_products_name', ['name'])
@Check('products_price_check', '(price >= 0) AND (price < 1000)')
export class Product {
  @PrimaryColumn({ name: 'sku', type: 'char', length: 12, primaryKeyConstraintName: 'products_pkey' })
  sku!: string;

  @Column({ name: 'name', type: 'varchar', length: 200 })
  name!: string;

  @Column({ name: 'description', type: 'varchar', nullable: true })
  description!: string | null;

  @Column({ name: 'price', type: 'numeric', precision: 10, scale: 2 })
  price!: string;

  @Column({ name: 'cost', type: 'numeric', nullable: true })
  cost!: string | null;

  @Column({ name: 'stock', type: 'numeric', precision: 8, scale: 0, nullable: true, default: () => '0' })
  stock!: string | null;

  @Column({ name: 'weight', type: 'real', nullable: true })
  weight!: number | null;

  @Column({ name: 'rating', type: 'double precision', nullable: true })
  rating!: number | null;

  @Column({ name: 'tags', type: 'text', array: true, default: () => "'{}'" })
  tags!: string[];

  @Column({ name: 'sizes', type: 'integer', array: true, nullable: true })
  sizes!: number[] | null;

  @Column({ name: 'attributes', type: 'jsonb', default: () => "'{}'" })
  attributes!: unknown;

  @Column({ name: 'spec', type: 'json', nullable: true })
  spec!: unknown;

  @Column({ name: 'image', type: 'bytea', nullable: true })
  image!: Buffer | null;

  @Column({ name: 'available_from', type: 'time', nullable: true })
  availableFrom!: string | null;

  @OneToMany(() => OrderLine, (orderLine) => orderLine.product)
  orderLines!: Relation<OrderLine>[];
}

// Table 'sessions' has no primary key, and TypeORM requires one on every
// entity, so it has no class here. Add a primary key to the design to map it.

@Entity({ name: 'shipments' })
export class Shipment {
  @PrimaryColumn({ name: 'id', type: 'uuid', default: () => 'gen_random_uuid()', primaryKeyConstraintName: 'shipments_pkey' })
  id!: string;

  @Column({ name: 'order_id', type: 'integer' })
  orderId!: number;

  @Column({ name: 'line_no', type: 'smallint' })
  lineNo!: number;

  @Column({ name: 'customer_email', type: 'varchar', length: 320, nullable: true, default: () => "'unknown'" })
  customerEmail!: string | null;

  @Column({ name: 'delivery_window', type: 'interval', nullable: true, default: () => "'2 days'" })
  deliveryWindow!: PostgresInterval | null;

  @Column({ name: 'expected_at', type: 'timestamptz', nullable: true, default: () => "now() + '3 days'::interval" })
  expectedAt!: Date | null;

  @ManyToOne(() => Customer, (customer) => customer.shipments, { onDelete: 'SET DEFAULT' as 'DEFAULT', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'customer_email', referencedColumnName: 'email', foreignKeyConstraintName: 'shipments_customer_email_fk' })
  customer!: Relation<Customer> | null;

  @ManyToOne(() => OrderLine, (orderLine) => orderLine.shipments, { onDelete: 'NO ACTION', onUpdate: 'RESTRICT', nullable: false })
  @JoinColumn([
    { name: 'order_id', referencedColumnName: 'orderId', foreignKeyConstraintName: 'shipments_order_id_line_no_fkey' },
    { name: 'line_no', referencedColumnName: 'lineNo', foreignKeyConstraintName: 'shipments_order_id_line_no_fkey' },
  ])
  orderLine!: Relation<OrderLine>;
}

@Entity({ name: 'teams' })
export class Team {
  @PrimaryGeneratedColumn('increment', { name: 'id', type: 'integer', primaryKeyConstraintName: 'teams_pkey' })
  id!: number;

  @Column({ name: 'name', type: 'varchar', length: 100 })
  name!: string;

  @Column({ name: 'lead_member_id', type: 'integer', nullable: true })
  leadMemberId!: number | null;

  @ManyToOne(() => Member, (member) => member.teamsByLeadMember, { onDelete: 'SET NULL', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'lead_member_id', referencedColumnName: 'id', foreignKeyConstraintName: 'teams_lead_member_id_fkey' })
  leadMember!: Relation<Member> | null;

  @OneToMany(() => Member, (member) => member.team)
  members!: Relation<Member>[];
}
