import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'tickets' })
export class Ticket {
  // TypeORM cannot express the identity options of tickets.id: START WITH 1000 CACHE 20.
  @PrimaryGeneratedColumn('identity', { name: 'id', type: 'bigint', generatedIdentity: 'ALWAYS', primaryKeyConstraintName: 'tickets_pkey' })
  id!: string;

  @Column({ name: 'number', type: 'integer', generated: 'identity', generatedIdentity: 'BY DEFAULT' })
  number_!: number;

  @Column({ name: 'code', type: 'text', collation: 'C' })
  code!: string;

  @Column({ name: 'code_length', type: 'integer', nullable: true, asExpression: 'length(code)', generatedType: 'STORED' })
  codeLength!: number | null;
}
