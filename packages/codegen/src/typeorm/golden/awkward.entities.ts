import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, type Relation } from 'typeorm';

export type Class = "it's" | 'back\\slash' | 'a"b';

@Entity({ name: 'index', comment: "Named like drizzle's index(); it's quoted." })
@Index('index_2fa code_idx', ['_2faCode'])
@Check('index_2fa code_check', '"2fa code" <> \'`${x}`\'')
export class IndexTable {
  @PrimaryGeneratedColumn('increment', { name: 'id', type: 'integer', primaryKeyConstraintName: 'index_pkey' })
  id!: number;

  @Column({ name: 'class', type: 'enum', enum: ["it's", 'back\\slash', 'a"b'], enumName: 'class', nullable: true, default: () => "'it''s'" })
  class_!: Class | null;

  @Column({ name: '2fa code', type: 'text', nullable: true, comment: 'back`tick ${x}' })
  _2faCode!: string | null;

  @Column({ name: 'full_name', type: 'text', nullable: true })
  fullName!: string | null;

  @Column({ name: 'fullName', type: 'text', nullable: true })
  fullName2!: string | null;

  @Column({ name: 'parent id', type: 'integer', nullable: true })
  parentId!: number | null;

  @ManyToOne(() => IndexTable, (indexTable) => indexTable.indexByParent, { onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'parent id', referencedColumnName: 'id', foreignKeyConstraintName: 'index_parent id_fkey' })
  parent!: Relation<IndexTable> | null;

  @OneToMany(() => IndexTable, (indexTable) => indexTable.parent)
  indexByParent!: Relation<IndexTable>[];
}
