/** How runs, lint and preflight read in a terminal, in Alembic's words where it has them. */
import type { LintFinding } from '@retort/core';
import type { PreflightFinding, Revision, RunResult, Step } from '@retort/migrate';

export function describeLint(findings: LintFinding[]): string[] {
  return findings.map((finding) => {
    const codes = [finding.code, ...(finding.aliases ?? [])].join(' / ');
    return `  ${finding.level} ${codes}: ${finding.message}`;
  });
}

export function describePreflight(findings: PreflightFinding[]): string[] {
  return findings.map(
    (finding) => `  preflight ${finding.code} (${finding.rows} rows): ${finding.message}`,
  );
}

function stepLine(step: Step, revisions: Revision[]): string {
  const parent = revisions.find((revision) => revision.id === step.revision)?.parent ?? null;
  return step.direction === 'upgrade'
    ? `Running upgrade ${parent ?? ''} -> ${step.revision}, ${step.message}`
    : `Running downgrade ${step.revision} -> ${parent ?? ''}, ${step.message}`;
}

export function describeRun(result: RunResult, revisions: Revision[]): string[] {
  const lines: string[] = [];
  if (result.preflight.length > 0) {
    lines.push(
      'Preflight found rows that this run would break or whose data it would delete:',
      ...describePreflight(result.preflight),
    );
  }
  if (result.steps.length === 0) {
    lines.push(`Nothing to do: the database is at ${result.from ?? 'base'}.`);
    return lines;
  }
  for (const step of result.steps) {
    lines.push(stepLine(step, revisions));
    if (result.dryRun) for (const statement of step.statements) lines.push(`    ${statement}`);
  }
  for (const notice of result.notices) lines.push(`  notice: ${notice}`);
  lines.push(
    result.dryRun
      ? `Dry run: nothing was changed (the database stays at ${result.from ?? 'base'}).`
      : `The database is now at ${result.to ?? 'base'}.`,
  );
  return lines;
}

/** `--sql`: the statements alone, as a script a reviewer could run by hand. */
export function runAsSql(result: RunResult, revisions: Revision[]): string[] {
  const lines: string[] = [];
  for (const step of result.steps) {
    lines.push(`-- ${stepLine(step, revisions)}`);
    for (const statement of step.statements)
      lines.push(statement.trimEnd().endsWith(';') ? statement : `${statement};`);
    lines.push('');
  }
  return lines;
}
