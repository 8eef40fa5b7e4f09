import type { SimulationReport } from '#shared/scoring/simulate-model.ts';

/** `npm run model -- simulate`: what publishing the candidate would change, with examples. */
export function formatSimulation(report: SimulationReport, candidatePath: string): string {
  const lines = [
    `Simulated ${candidatePath} (${report.candidateVersion}) against ${report.currentVersion} at ${report.at}`,
    `on ${report.contacts} contacts (${report.settled} prospects, customers or disqualified, which no model moves).`,
    '',
    `${report.changed} contact${report.changed === 1 ? '' : 's'} would change stage at their next re-score.`,
  ];
  for (const [transition, count] of Object.entries(report.transitions).sort(([, a], [, b]) => b - a)) {
    lines.push(`  ${String(count).padStart(5)}  ${transition}`);
  }
  lines.push(
    `Grades: ${report.gradeChanges} contact${report.gradeChanges === 1 ? '' : 's'} would change grade.`,
    `Scores: ${report.meanScoreChange >= 0 ? '+' : ''}${report.meanScoreChange} points on average.`,
  );
  if (report.examples.length > 0) {
    lines.push('', 'Examples');
    for (const example of report.examples) {
      lines.push(
        `  ${example.email} (${example.contactId}): ${example.from} → ${example.to}, score ${example.currentScore} → ${example.candidateScore}`,
        `      ${example.reason}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
