/**
 * The numbers the simulator may speak as: ranges set aside for fiction, that
 * no real phone has (North America's 555-0100 to 555-0199 in any area code,
 * the United Kingdom's 07700 900000 to 900999). A real reporter's number can
 * therefore never be read, continued or stopped from the simulator.
 */
const FICTIONAL = [/^\+1[2-9]\d{2}55501\d{2}$/, /^\+447700900\d{3}$/];

export const isFictionalNumber = (e164: string): boolean => FICTIONAL.some((range) => range.test(e164));
