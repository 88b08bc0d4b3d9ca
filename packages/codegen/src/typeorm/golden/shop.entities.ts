import { Column, Entity, JoinColumn, ManyToOne, OneToMany, PrimaryColumn, PrimaryGeneratedColumn, type Relation } from 'typeorm';

@Entity({ name: 'order_products' })
export class OrderProduct {
  @PrimaryColumn({ name: 'order_id', type: 'integer', primaryKeyConstraintName: 'order_products_pkey' })
  orderId!: number;

  @PrimaryColumn({ name: 'product_id', type: 'integer', primaryKeyConstraintName: 'order_products_pkey' })
  productId!: number;

  @Column({ name: 'quantity', type: 'integer' })
  quantity!: number;

  @ManyToOne(() => Order, (order) => order.orderProducts, { onDelete: 'CASCADE', onUpdate: 'NO ACTION', nullable: false })
  @JoinColumn({ name: 'order_id', referencedColumnName: 'orderId', foreignKeyConstraintName: 'order_products_order_id_fkey' })
  order!: Relation<Order>;

  @ManyToOne(() => Product, (product) => product.orderProducts, { onDelete: 'RESTRICT', onUpdate: 'NO ACTION', nullable: false })
  @JoinColumn({ name: 'product_id', referencedColumnName: 'productId', foreignKeyConstraintName: 'order_products_product_id_fkey' })
  product!: Relation<Product>;
}

@Entity({ name: 'orders' })
export class Order {
  @PrimaryGeneratedColumn('increment', { name: 'order_id', type: 'integer', primaryKeyConstraintName: 'orders_pkey' })
  orderId!: number;

  @Column({ name: 'user_id', type: 'bigint' })
  userId!: string;

  @Column({ name: 'created_at', type: 'timestamp', nullable: true, default: () => 'now()' })
  createdAt!: Date | null;

  @ManyToOne(() => User, (user) => user.orders, { onDelete: 'CASCADE', onUpdate: 'NO ACTION', nullable: false })
  @JoinColumn({ name: 'user_id', referencedColumnName: 'telegramId', foreignKeyConstraintName: 'orders_user_id_fkey' })
  user!: Relation<User>;

  @OneToMany(() => OrderProduct, (orderProduct) => orderProduct.order)
  orderProducts!: Relation<OrderProduct>[];
}

@Entity({ name: 'products' })
export class Product {
  @PrimaryGeneratedColumn('increment', { name: 'product_id', type: 'integer', primaryKeyConstraintName: 'products_pkey' })
  productId!: number;

  @Column({ name: 'title', type: 'varchar', length: 255 })
  title!: string;

  @Column({ name: 'description', type: 'text', nullable: true })
  description!: string | null;

  @Column({ name: 'created_at', type: 'timestamp', nullable: true, default: () => 'now()' })
  createdAt!: Date | null;

  @OneToMany(() => OrderProduct, (orderProduct) => orderProduct.product)
  orderProducts!: Relation<OrderProduct>[];
}

@Entity({ name: 'users' })
export class User {
  @PrimaryColumn({ name: 'telegram_id', type: 'bigint', primaryKeyConstraintName: 'users_pkey' })
  telegramId!: string;

  @Column({ name: 'full_name', type: 'varchar', length: 255 })
  fullName!: string;

  @Column({ name: 'username', type: 'varchar', length: 255, nullable: true })
  username!: string | null;

  @Column({ name: 'language_code', type: 'varchar', length: 255 })
  languageCode!: string;

  @Column({ name: 'created_at', type: 'timestamp', nullable: true, default: () => 'now()' })
  createdAt!: Date | null;

  @Column({ name: 'referrer_id', type: 'bigint', nullable: true })
  referrerId!: string | null;

  @ManyToOne(() => User, (user) => user.usersByReferrer, { onDelete: 'SET NULL', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'referrer_id', referencedColumnName: 'telegramId', foreignKeyConstraintName: 'users_referrer_id_fkey' })
  referrer!: Relation<User> | null;

  @OneToMany(() => Order, (order) => order.user)
  orders!: Relation<Order>[];

  @OneToMany(() => User, (user) => user.referrer)
  usersByReferrer!: Relation<User>[];
}
