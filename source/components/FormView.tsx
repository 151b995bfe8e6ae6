import {Box, Text} from 'ink';
import {fieldText, type FormDialog, type FormField} from '../state/make/form.js';
import {formPreview} from '../state/make/make-forms.js';
import {runPreview} from '../state/make/run-form.js';
import {scopeLabels} from '../state/make/scope-labels.js';
import type {KeyMap} from '../state/input/keymap.js';
import {hintText} from '../state/input/key-text.js';

type Props = {
	readonly dialog: FormDialog;
	readonly keys: KeyMap;
	/** Lines the form may take (it covers the list). */
	readonly height: number;
	readonly width: number;
	/** The --filter scope, for the labels a new thing gets and the preview line. */
	readonly scope: readonly string[];
	/** Names of the containers known, for the run form's check. */
	readonly containerNames: ReadonlySet<string>;
};

function FieldValue({field, focused}: {readonly field: FormField; readonly focused: boolean}) {
	if (field.kind === 'flag') return <Text>{field.on ? '[x]' : '[ ]'}</Text>;
	if (field.kind === 'choice') return <Text>{focused ? `‹ ${fieldText(field)} ›` : fieldText(field)}</Text>;
	if (!focused) return <Text>{field.editor.value}</Text>;
	const chars = [...field.editor.value];
	return (
		<Text>
			{chars.slice(0, field.editor.cursor).join('')}
			<Text inverse>{chars[field.editor.cursor] ?? ' '}</Text>
			{chars.slice(field.editor.cursor + 1).join('')}
		</Text>
	);
}

/** A make form: its fields with the focused one marked, errors under their field, and the docker command line it amounts to. */
export function FormView({dialog, keys, height, width, scope, containerNames}: Props) {
	const labelWidth = Math.max(...dialog.fields.map((field) => field.label.length)) + 1;
	const preview = dialog.purpose.type === 'run' ? runPreview(dialog, {containerNames, scope}) : formPreview(dialog, scope);
	const focused = dialog.fields[dialog.focus];
	const images = dialog.purpose.type === 'run' ? dialog.purpose.images : [];
	const typed = focused?.kind === 'text' && focused.name === 'image' ? focused.editor.value : undefined;
	const suggestions = typed === undefined ? [] : images.filter((image) => image.startsWith(typed) && image !== typed).slice(0, 4);
	const note = scopeLabels(scope).note;
	return (
		<Box
			flexDirection="column"
			borderStyle="round"
			borderColor="cyan"
			paddingX={1}
			height={height}
			width={width}
			overflow="hidden"
		>
			<Text bold color="cyan">
				{dialog.title}
			</Text>
			{dialog.fields.map((field, index) => (
				<Box key={field.name} flexDirection="column">
					<Text wrap="truncate-end">
						<Text color={index === dialog.focus ? 'cyan' : undefined}>{index === dialog.focus ? '▶ ' : '  '}</Text>
						<Text color={field.name in dialog.errors ? 'red' : undefined}>{`${field.label}:`.padEnd(labelWidth + 1)}</Text>
						<FieldValue field={field} focused={index === dialog.focus} />
						{index === dialog.focus && field.kind === 'text' && field.hint ? <Text dimColor>{`  ${field.hint}`}</Text> : null}
					</Text>
					{dialog.errors[field.name] ? <Text color="red" wrap="truncate-end">{`    ✗ ${dialog.errors[field.name]}`}</Text> : null}
				</Box>
			))}
			{suggestions.length > 0 ? <Text dimColor wrap="truncate-end">{`    local images: ${suggestions.join('  ')}`}</Text> : null}
			<Text> </Text>
			<Text color="green" wrap="wrap">
				{`$ ${preview}`}
			</Text>
			{note ? (
				<Text color="yellow" wrap="wrap">
					{note}
				</Text>
			) : null}
			<Text dimColor wrap="truncate-end">
				{hintText(keys, 'form', [
					['nextField', 'next field'],
					['toggleField', 'switches'],
					['submit', 'runs it'],
					['back', 'cancels'],
				])}
			</Text>
		</Box>
	);
}
