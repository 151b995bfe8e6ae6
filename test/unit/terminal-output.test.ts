// What reaches the terminal: theme colour remapping, NO_COLOR dropping every colour (but not bold or
// inverse), and ASCII of the same width under a non-UTF-8 locale.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {isUtf8Locale, outputFilter} from '../../source/app/terminal-output.js';
import {colorMapFor, noColor} from '../../source/state/settings/theme.js';

const esc = (codes: string) => `\u001B[${codes}m`;

describe('output filter', () => {
	it('changes nothing for the default theme in a UTF-8 locale', () => {
		assert.equal(outputFilter({colors: colorMapFor('default'), ascii: false}), undefined);
	});

	it('remaps colours by the theme, foreground and background', () => {
		const filter = outputFilter({colors: colorMapFor({cyan: 'magenta', red: 'redBright'}), ascii: false})!;
		assert.equal(filter(`${esc('36')}x${esc('39')} ${esc('41;1')}y`), `${esc('35')}x${esc('39')} ${esc('101;1')}y`);
		const contrast = outputFilter({colors: colorMapFor('high-contrast'), ascii: false})!;
		assert.equal(contrast(`${esc('90')}dim`), `${esc('37')}dim`);
	});

	it('drops every colour for NO_COLOR, keeping bold, dim and inverse', () => {
		const filter = outputFilter({colors: noColor, ascii: false})!;
		assert.equal(filter(`${esc('1')}${esc('32')}ok${esc('39')}${esc('22')}`), `${esc('1')}ok${esc('22')}`);
		assert.equal(filter(`${esc('7;38;5;196;48;2;1;2;3')}sel${esc('27')}`), `${esc('7')}sel${esc('27')}`);
		assert.equal(filter(`${esc('')}reset`), `${esc('')}reset`);
	});

	it('turns every non-ASCII character into one ASCII character', () => {
		const filter = outputFilter({colors: colorMapFor('default'), ascii: true})!;
		const box = '╭──╮\n│●▶│\n╰──╯';
		assert.equal(filter(box), '+--+\n|*>|\n+--+');
		assert.equal(filter('Up 3 minutes · ◐ 0 paused … ✓ ✗ ↑↓ 名'), 'Up 3 minutes | ~ 0 paused . + x ^v ?');
		assert.equal([...filter('◐○●▶…')].length, 5, 'same width, so the layout holds');
	});

	it('reads the locale as the C library does', () => {
		assert.equal(isUtf8Locale({LANG: 'en_US.UTF-8'}), true);
		assert.equal(isUtf8Locale({LANG: 'C.utf8'}), true);
		assert.equal(isUtf8Locale({LANG: 'en_US.UTF-8', LC_ALL: 'C'}), false);
		assert.equal(isUtf8Locale({LC_CTYPE: 'de_DE.ISO-8859-1', LANG: 'de_DE.UTF-8'}), false);
		assert.equal(isUtf8Locale({}), false);
	});
});
