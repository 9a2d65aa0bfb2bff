// What the server runs for alerts: the key for channel secrets, the channel registry (requests through
// the fetch guard's agent and allow list) and the dispatcher.
import type { Db } from "../db/connection";
import type { Config } from "../config";
import { createGuardedAgent } from "../ingest/guarded-agent";
import { parseAllowList } from "../ingest/allow-hosts";
import { createChannelRegistry, type ChannelRegistry } from "./channels";
import { createDispatcher, type AlertDispatcher } from "./dispatcher";
import { loadSecretKey } from "./secrets";
import { createEscalationJob, type EscalationJob } from "./escalation";
import { createCaseReminderJob, type ReminderJob } from "../cases/reminders";
import { createScheduleJob, type ScheduleJob } from "../reports/schedule-job";
import { scheduleSteps } from "../reports/schedule-steps";

/** The running alert machinery. */
export interface AlertRuntime {
  key: Buffer;
  channels: ChannelRegistry;
  dispatcher: AlertDispatcher;
  /** Escalation and delivery to people (rule recipients, whoever is on duty). */
  escalation: EscalationJob;
  /** Case reminders and overdue notices through the channels. */
  caseReminders: ReminderJob;
  /** Report schedules (定时报送): generate, issue, render and deliver through the channels. */
  reportSchedules: ScheduleJob;
  stop(): Promise<void>;
}

/** Starts it (`autostart: false`: the dispatcher only delivers on runOnce()). */
export function createAlertRuntime(db: Db, config: Config, opts: { log?: (m: string) => void; autostart?: boolean } = {}): AlertRuntime {
  const key = loadSecretKey(config);
  const agent = createGuardedAgent(parseAllowList(config.fetchAllowHosts));
  const channels = createChannelRegistry({ agent });
  const dispatcher = createDispatcher(db, { channels, key, config, log: opts.log, autostart: opts.autostart });
  const escalation = createEscalationJob(db, { config, key, channels, log: opts.log, autostart: opts.autostart });
  const caseReminders = createCaseReminderJob(db, { config, log: opts.log, autostart: opts.autostart });
  const reportSchedules = createScheduleJob(db, { config, steps: scheduleSteps(db, config, { channels, key }), log: opts.log, autostart: opts.autostart });
  return {
    key, channels, dispatcher, escalation, caseReminders, reportSchedules,
    async stop() {
      caseReminders.stop();
      await reportSchedules.stop();
      await escalation.stop();
      await dispatcher.stop();
      await agent.close();
    },
  };
}
