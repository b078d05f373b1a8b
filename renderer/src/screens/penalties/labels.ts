// The words for a notice's kind and status, shared by the tracker's screens.
export const KIND = { notice_to_improve: 'Notice to improve', penalty_notice: 'Penalty notice' } as const;
export const STATUS: Record<string, string> = {
  issued: 'Issued',
  paid: 'Paid',
  unpaid: 'Unpaid',
  withdrawn: 'Withdrawn',
  prosecuted: 'Prosecuted',
};
