import { describe, expect, it } from 'vitest';
import { compareDumps, dumpObjects, readFixture } from './pg-dump';

const dump = (index: string) => `--
-- PostgreSQL database dump
--

\\restrict KEY${index.length}

SET statement_timeout = 0;

--
-- Name: users; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.users (
    id integer NOT NULL
);


--
-- Name: users_id_idx; Type: INDEX; Schema: public; Owner: -
--

${index}


--
-- Name: app; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA app;

\\unrestrict KEY${index.length}
`;

describe('pg_dump compared object by object', () => {
  it('splits a dump into its objects by their headers, without the preamble or meta-commands', () => {
    const objects = dumpObjects(
      dump('CREATE INDEX users_id_idx ON public.users USING btree (id);'),
    );
    expect([...objects.keys()]).toEqual([
      'TABLE public.users',
      'INDEX public.users_id_idx',
      'SCHEMA app',
    ]);
    expect(objects.get('TABLE public.users')).toBe(
      'CREATE TABLE public.users (\n    id integer NOT NULL\n);',
    );
    expect(objects.get('SCHEMA app')).toBe('CREATE SCHEMA app;');
  });

  it('reports a changed, a missing and an extra object', () => {
    const a = dump('CREATE INDEX users_id_idx ON public.users USING btree (id);');
    const b = dump('CREATE INDEX users_id_idx ON public.users USING hash (id);');
    expect(compareDumps(a, a)).toEqual({ differences: [], objects: 3 });
    const changed = compareDumps(a, b).differences;
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatch(
      /^different INDEX public\.users_id_idx:\n.*btree.*\n {2}--- became ---\n.*hash/,
    );
    const withoutSchema = a.replace(/--\n-- Name: app;[\s\S]*CREATE SCHEMA app;\n/, '');
    expect(compareDumps(a, withoutSchema).differences).toEqual(['missing SCHEMA app']);
    expect(compareDumps(withoutSchema, a).differences).toEqual(['extra SCHEMA app']);
  });

  it('reads every object of the kitchen-sink fixture', () => {
    const objects = dumpObjects(readFixture('kitchen-sink.sql'));
    expect(objects.size).toBeGreaterThan(60);
    expect(objects.has('EXTENSION citext')).toBe(true);
    expect(objects.has('POLICY app_public.invoices invoices_owner')).toBe(true);
  });
});
