// Cell text for the containers table: ports, ids, and fitting text into a column.
import type {PortMapping} from './model.js';

export const shortId = (id: string): string => id.slice(0, 12);

/** "0.0.0.0:8080->80/tcp, 443/tcp", as `docker ps` prints it, with IPv4/IPv6 duplicates folded. */
export function formatPorts(ports: readonly PortMapping[]): string {
	const seen = new Set<string>();
	const parts: string[] = [];
	const sorted = [...ports].sort(
		(a, b) => a.privatePort - b.privatePort || (a.publicPort ?? 0) - (b.publicPort ?? 0) || a.protocol.localeCompare(b.protocol),
	);
	for (const port of sorted) {
		const text =
			port.publicPort === undefined
				? `${port.privatePort}/${port.protocol}`
				: `${port.ip && port.ip !== '::' ? port.ip : '0.0.0.0'}:${port.publicPort}->${port.privatePort}/${port.protocol}`;
		if (seen.has(text)) continue;
		seen.add(text);
		parts.push(text);
	}

	return parts.join(', ');
}

/** Cuts text to width, marking the cut with an ellipsis, and pads it so columns line up. */
export function fit(text: string, width: number): string {
	if (width <= 0) return '';
	const chars = [...text];
	if (chars.length > width) return chars.slice(0, Math.max(0, width - 1)).join('') + '…';
	return text + ' '.repeat(width - chars.length);
}
