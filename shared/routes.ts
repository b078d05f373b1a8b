// Addresses of the renderer's screens that the core also hands out (evidence rows a person can open), defined once.

/** A register on its own day: #/register/<group>/<session>[/<date>]. */
export const registerHref = (regGroup: string, session: string, date?: string) =>
  `#/register/${encodeURIComponent(regGroup)}/${session}${date ? `/${date}` : ''}`;

/** A pupil's page. */
export const pupilHref = (pupilId: number) => `#/pupils/${pupilId}`;
