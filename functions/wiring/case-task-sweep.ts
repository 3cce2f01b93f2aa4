import type { SweepWiring } from '../handlers/case-task-sweep';
import type { CaseMetrics } from '../shared/case-metrics';
import { readCaseTaskSweepSettings } from './case-task-sweep-env';
import { caseTaskDeps } from './case-tasks';

/** The case-task-sweep Lambda's dependencies and run settings from its environment, built once at cold start. */
export function wireCaseTaskSweep(metrics: CaseMetrics, env: NodeJS.ProcessEnv = process.env): SweepWiring {
  const settings = readCaseTaskSweepSettings(env);
  return {
    deps: caseTaskDeps(settings, metrics),
    settings: {
      staleMinutes: settings.staleMinutes,
      batch: settings.batch,
      budgetMs: settings.budgetSeconds * 1000,
    },
  };
}
