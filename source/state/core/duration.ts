// Human durations in the docker CLI's wording ("Up 3 minutes", "About an hour"), and when that wording next changes.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Step = {
	/** Upper bound (exclusive) of the durations this step covers, in ms. */
	readonly below: number;
	readonly text: (ms: number) => string;
	/** Size of the unit whose change alters the text. */
	readonly unit: number;
	/** Offset of the unit boundaries (hours round half up, so their boundaries sit at :30). */
	readonly offset?: number;
};

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
const roundedHours = (ms: number) => Math.floor(ms / HOUR + 0.5);

const steps: readonly Step[] = [
	{below: SECOND, text: () => 'Less than a second', unit: SECOND},
	{below: MINUTE, text: (ms) => plural(Math.floor(ms / SECOND), 'second'), unit: SECOND},
	{below: 2 * MINUTE, text: () => 'About a minute', unit: MINUTE},
	{below: HOUR, text: (ms) => `${Math.floor(ms / MINUTE)} minutes`, unit: MINUTE},
	{below: HOUR + HOUR / 2, text: () => 'About an hour', unit: HOUR, offset: HOUR / 2},
	{below: 48 * HOUR - HOUR / 2, text: (ms) => `${roundedHours(ms)} hours`, unit: HOUR, offset: HOUR / 2},
	{below: 14 * DAY - HOUR / 2, text: (ms) => `${Math.floor(roundedHours(ms) / 24)} days`, unit: DAY, offset: HOUR / 2},
	{below: 60 * DAY - HOUR / 2, text: (ms) => `${Math.floor(roundedHours(ms) / 24 / 7)} weeks`, unit: 7 * DAY, offset: HOUR / 2},
	{
		below: 730 * DAY - HOUR / 2,
		text: (ms) => `${Math.floor(roundedHours(ms) / 24 / 30)} months`,
		unit: 30 * DAY,
		offset: HOUR / 2,
	},
	{below: Number.POSITIVE_INFINITY, text: (ms) => `${Math.floor(ms / DAY / 365)} years`, unit: 365 * DAY},
];

const stepFor = (ms: number): Step => steps.find((step) => ms < step.below) ?? steps.at(-1)!;

/** The docker CLI's wording for a duration: "Less than a second", "5 seconds", "About a minute", "3 hours"… */
export function humanDuration(ms: number): string {
	const clamped = Math.max(0, ms);
	return stepFor(clamped).text(clamped);
}

/** How many ms until humanDuration(ms) can read differently: the next unit boundary, or the next step. */
export function msUntilChange(ms: number): number {
	const clamped = Math.max(0, ms);
	const step = stepFor(clamped);
	const offset = step.offset ?? 0;
	const nextBoundary = Math.floor((clamped + offset) / step.unit + 1) * step.unit - offset;
	return Math.max(1, Math.min(nextBoundary, step.below) - clamped);
}

const units: ReadonlyArray<[RegExp, number]> = [
	[/^less than a second$/i, 0],
	[/^about a minute$/i, MINUTE],
	[/^about an hour$/i, HOUR],
	[/^(\d+) seconds?$/i, SECOND],
	[/^(\d+) minutes?$/i, MINUTE],
	[/^(\d+) hours?$/i, HOUR],
	[/^(\d+) days?$/i, DAY],
	[/^(\d+) weeks?$/i, 7 * DAY],
	[/^(\d+) months?$/i, 30 * DAY],
	// The CLI says "1 years" only in the half hour before 730 days (hours round up there, years don't).
	[/^1 years?$/i, 730 * DAY - HOUR / 2],
	[/^(\d+) years?$/i, 365 * DAY],
];

/** Inverse of humanDuration, to the precision the wording allows; undefined for text it doesn't know. */
export function parseHumanDuration(text: string): number | undefined {
	const trimmed = text.trim();
	for (const [pattern, unit] of units) {
		const match = pattern.exec(trimmed);
		if (match) return match[1] === undefined ? unit : Number(match[1]) * unit;
	}

	return undefined;
}

const compactSteps: ReadonlyArray<{below: number; unit: number; suffix: string}> = [
	{below: MINUTE, unit: SECOND, suffix: 's'},
	{below: HOUR, unit: MINUTE, suffix: 'm'},
	{below: 48 * HOUR, unit: HOUR, suffix: 'h'},
	{below: 60 * DAY, unit: DAY, suffix: 'd'},
	{below: 730 * DAY, unit: 30 * DAY, suffix: 'mo'},
	{below: Number.POSITIVE_INFINITY, unit: 365 * DAY, suffix: 'y'},
];

const compactStep = (ms: number) => compactSteps.find((step) => ms < step.below) ?? compactSteps.at(-1)!;

/** A narrow age for table cells: "45s", "3m", "2h", "5d", "4mo", "2y". */
export function compactDuration(ms: number): string {
	const clamped = Math.max(0, ms);
	const step = compactStep(clamped);
	return `${Math.floor(clamped / step.unit)}${step.suffix}`;
}

export function msUntilCompactChange(ms: number): number {
	const clamped = Math.max(0, ms);
	const step = compactStep(clamped);
	return Math.max(1, Math.min((Math.floor(clamped / step.unit) + 1) * step.unit, step.below) - clamped);
}
