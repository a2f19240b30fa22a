/** The call of the reminders API: what waits for the signed-in user. */
import { remindersRoute } from "../../../src/shared/routes/addresses.ts";
import { call } from "./call.ts";

export const reminderApi = {
  reminders: () => call(remindersRoute),
};
