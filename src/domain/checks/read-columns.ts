/** The columns the checks read of the data sets too large to load whole (a loader may skip the rest). */

/**
 * By data set: the columns any rule, the monitoring view or the problem list reads. A national
 * year has ~55,000 community projects of 23 columns; the checks read 8 of them. Data sets not
 * listed are read whole. A rule that reads another column must add it here (the check tests run
 * on rows cut down to these columns).
 */
export const READ_COLUMNS: Readonly<Partial<Record<string, readonly string[]>>> = {
  communities: [
    "name",
    "status",
    "approvedOn",
    "tenderedOn",
    "startedOn",
    "acceptedOn",
    "settledOn",
    "auditedOn",
  ],
};
