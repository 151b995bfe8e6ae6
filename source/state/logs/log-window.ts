// The initial window of a log stream as the person types it: "500" (last lines), "10m" (since), "all".
import type {LogWindow} from './logs.js';

const units: Readonly<Record<string, number>> = {s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000};

export function parseWindow(text: string): LogWindow | undefined {
	const value = text.trim().toLowerCase();
	if (value === 'all') return {kind: 'all'};
	if (/^\d+$/.test(value)) return {kind: 'tail', lines: Number(value)};
	const since = /^(\d+(?:\.\d+)?)\s*([smhd])$/.exec(value);
	if (since) return {kind: 'since', ms: Number(since[1]) * units[since[2]!]!, text: `${since[1]}${since[2]}`};
	return undefined;
}

export function windowText(window: LogWindow): string {
	switch (window.kind) {
		case 'all':
			return 'all';
		case 'tail':
			return String(window.lines);
		case 'since':
			return window.text;
	}
}

/** For the pane's title: "last 1000 lines", "since 10m", "all lines". */
export function describeWindow(window: LogWindow): string {
	switch (window.kind) {
		case 'all':
			return 'all lines';
		case 'tail':
			return `last ${window.lines} lines`;
		case 'since':
			return `since ${window.text}`;
	}
}
