// humanDuration against the docker CLI's wording (go-units HumanDuration), and the "next change"
// functions the clock relies on to wake exactly when a visible text would change.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
	compactDuration,
	humanDuration,
	msUntilChange,
	msUntilCompactChange,
	parseHumanDuration,
} from '../../source/state/core/duration.js';
import {seededRandom} from '../helpers/fixtures.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** go-units' HumanDuration, transcribed with Go's integer truncation, as the reference. */
function dockerHumanDuration(ms: number): string {
	const seconds = Math.trunc(ms / SECOND);
	if (seconds < 1) return 'Less than a second';
	if (seconds === 1) return '1 second';
	if (seconds < 60) return `${seconds} seconds`;
	const minutes = Math.trunc(ms / MINUTE);
	if (minutes === 1) return 'About a minute';
	if (minutes < 60) return `${minutes} minutes`;
	const hours = Math.trunc(ms / HOUR + 0.5);
	if (hours === 1) return 'About an hour';
	if (hours < 48) return `${hours} hours`;
	if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`;
	if (hours < 24 * 30 * 2) return `${Math.trunc(hours / 24 / 7)} weeks`;
	if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24 / 30)} months`;
	return `${Math.trunc(Math.trunc(ms / HOUR) / 24 / 365)} years`;
}

/** Durations from 0 to ~5 years, spread log-uniformly so every step gets samples. */
function sampled(count: number, seed: number): number[] {
	const random = seededRandom(seed);
	const max = Math.log(5 * 365 * DAY);
	return Array.from({length: count}, () => Math.floor(Math.exp(random() * max)) - 1);
}

/** Every step boundary of the wording, and a millisecond either side. */
const boundaries = [
	SECOND,
	2 * SECOND,
	MINUTE,
	2 * MINUTE,
	HOUR,
	HOUR + HOUR / 2,
	48 * HOUR - HOUR / 2,
	14 * DAY - HOUR / 2,
	60 * DAY - HOUR / 2,
	730 * DAY - HOUR / 2,
	730 * DAY,
	3 * 365 * DAY,
].flatMap((at) => [at - 1, at, at + 1]);

describe('humanDuration', () => {
	const cases: ReadonlyArray<[string, number, string]> = [
		['0', 0, 'Less than a second'],
		['999 ms', 999, 'Less than a second'],
		['1 s', SECOND, '1 second'],
		['2 s', 2 * SECOND, '2 seconds'],
		['59 s', 59 * SECOND, '59 seconds'],
		['59.999 s', 60 * SECOND - 1, '59 seconds'],
		['60 s', 60 * SECOND, 'About a minute'],
		['119 s', 119 * SECOND, 'About a minute'],
		['120 s', 120 * SECOND, '2 minutes'],
		['59 min', 59 * MINUTE, '59 minutes'],
		['60 min', 60 * MINUTE, 'About an hour'],
		['89 min', 89 * MINUTE, 'About an hour'],
		['90 min', 90 * MINUTE, '2 hours'],
		['2h29m', 2 * HOUR + 29 * MINUTE, '2 hours'],
		['2h30m', 2 * HOUR + 30 * MINUTE, '3 hours'],
		['47h29m', 47 * HOUR + 29 * MINUTE, '47 hours'],
		['47h30m', 47 * HOUR + 30 * MINUTE, '2 days'],
		['3 days', 3 * DAY, '3 days'],
		['13d23h29m', 13 * DAY + 23 * HOUR + 29 * MINUTE, '13 days'],
		['13d23h30m', 13 * DAY + 23 * HOUR + 30 * MINUTE, '2 weeks'],
		['5 weeks', 35 * DAY, '5 weeks'],
		['59d23h30m', 59 * DAY + 23 * HOUR + 30 * MINUTE, '2 months'],
		['200 days', 200 * DAY, '6 months'],
		['729d23h29m', 729 * DAY + 23 * HOUR + 29 * MINUTE, '24 months'],
		// go-units really says "1 years" in the half hour before 730 days (hours round up, years don't).
		['729d23h30m', 729 * DAY + 23 * HOUR + 30 * MINUTE, '1 years'],
		['730 days', 730 * DAY, '2 years'],
		['1100 days', 1100 * DAY, '3 years'],
	];
	for (const [label, ms, text] of cases) {
		it(`${label} reads "${text}"`, () => {
			assert.equal(humanDuration(ms), text);
			assert.equal(dockerHumanDuration(ms), text, 'the reference itself disagrees');
		});
	}

	it('negative durations (clock skew) read as the shortest wording', () => {
		assert.equal(humanDuration(-5000), 'Less than a second');
	});

	it('agrees with go-units at every boundary and at 5,000 sampled durations', () => {
		for (const ms of [...boundaries, ...sampled(5000, 1)]) {
			assert.equal(humanDuration(ms), dockerHumanDuration(ms), `at ${ms} ms`);
		}
	});
});

describe('msUntilChange', () => {
	it('lands exactly on the next change of wording', () => {
		for (const ms of [0, ...boundaries, ...sampled(3000, 2)]) {
			const wait = msUntilChange(ms);
			assert.ok(wait >= 1, `wait ${wait} at ${ms}`);
			const text = humanDuration(ms);
			assert.equal(humanDuration(ms + wait - 1), text, `still "${text}" 1 ms before the change, at ${ms} + ${wait}`);
			assert.notEqual(humanDuration(ms + wait), text, `changed at ${ms} + ${wait}`);
		}
	});

	it('waits whole units, not every second, once the wording is coarse', () => {
		assert.equal(msUntilChange(3 * MINUTE), MINUTE);
		assert.equal(msUntilChange(HOUR), 30 * MINUTE);
		assert.equal(msUntilChange(3 * DAY), DAY - 30 * MINUTE);
	});
});

describe('parseHumanDuration', () => {
	it('reads back every wording humanDuration produces, to the same wording', () => {
		for (const ms of [...boundaries, ...sampled(3000, 3)]) {
			const text = humanDuration(ms);
			const parsed = parseHumanDuration(text);
			assert.notEqual(parsed, undefined, `"${text}" not understood`);
			assert.equal(humanDuration(parsed!), text, `"${text}" parsed as ${parsed} ms`);
		}
	});

	it('reads the fixed phrases and is case-insensitive', () => {
		assert.equal(parseHumanDuration('Less than a second'), 0);
		assert.equal(parseHumanDuration('About a minute'), MINUTE);
		assert.equal(parseHumanDuration('about an hour'), HOUR);
		assert.equal(parseHumanDuration(' 5 seconds '), 5 * SECOND);
		assert.equal(parseHumanDuration('1 second'), SECOND);
		assert.equal(parseHumanDuration('3 weeks'), 21 * DAY);
	});

	it('says undefined for text it does not know', () => {
		assert.equal(parseHumanDuration('a while'), undefined);
		assert.equal(parseHumanDuration('5 fortnights'), undefined);
		assert.equal(parseHumanDuration(''), undefined);
	});
});

describe('compactDuration', () => {
	const cases: ReadonlyArray<[number, string]> = [
		[0, '0s'],
		[59 * SECOND + 999, '59s'],
		[MINUTE, '1m'],
		[59 * MINUTE + 59 * SECOND, '59m'],
		[HOUR, '1h'],
		[47 * HOUR + 59 * MINUTE, '47h'],
		[48 * HOUR, '2d'],
		[59 * DAY, '59d'],
		[60 * DAY, '2mo'],
		[729 * DAY, '24mo'],
		[730 * DAY, '2y'],
	];
	for (const [ms, text] of cases) {
		it(`${ms} ms reads ${text}`, () => assert.equal(compactDuration(ms), text));
	}

	it('msUntilCompactChange lands exactly on the next change', () => {
		for (const ms of [0, ...boundaries, ...sampled(3000, 4)]) {
			const wait = msUntilCompactChange(ms);
			const text = compactDuration(ms);
			assert.ok(wait >= 1);
			assert.equal(compactDuration(ms + wait - 1), text, `still ${text} 1 ms before, at ${ms} + ${wait}`);
			assert.notEqual(compactDuration(ms + wait), text, `changed at ${ms} + ${wait}`);
		}
	});
});
