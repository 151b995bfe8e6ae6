// Lint: typescript-eslint's recommended type-aware-free rules plus React's hooks rules.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config({ignores: ['dist/', 'node_modules/', 'screenshots/']}, ...tseslint.configs.recommended, {
	files: ['**/*.{ts,tsx}'],
	plugins: {'react-hooks': reactHooks},
	rules: {
		...reactHooks.configs.recommended.rules,
		'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_'}],
	},
});
