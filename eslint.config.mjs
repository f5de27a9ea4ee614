// ESLint: Next's rules (core web vitals, React, hooks, a11y, imports) plus typescript-eslint's
// recommended set, and the project's layering rules. `npm run lint` runs it; CI runs it too.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

// The pure libraries import no framework and read no environment (see README: Architecture).
const FRAMEWORK_IMPORTS = {
  paths: [
    { name: "react", message: "Pure libraries import no framework." },
    { name: "react-dom", message: "Pure libraries import no framework." },
    { name: "server-only", message: "Pure libraries import no framework." },
    { name: "pg", message: "Only lib/server touches the database." },
  ],
  patterns: [
    { group: ["next", "next/*"], message: "Pure libraries import no framework." },
    { group: ["@prisma/*", "prisma", "@electric-sql/*"], message: "Only lib/server touches the database." },
    {
      group: ["@/lib/server", "@/lib/server/*", "@/app/*", "@/components/*"],
      message: "Pure libraries depend on nothing above them.",
    },
  ],
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  ...tseslint.configs.recommended,
  globalIgnores([
    ".next/**",
    ".next-*/**",
    ".data/**",
    "out/**",
    "next-env.d.ts",
    "lib/server/generated/**",
    "test-results/**",
    "playwright-report/**",
    "bench-results/**",
  ]),
  {
    rules: {
      // `_`-prefixed names mark deliberately unused arguments and destructured leftovers.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Client and shared components take plain props and the types of lib/market; only app/ (pages,
    // route handlers and their private pieces) calls the server layer.
    files: ["components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/lib/server", "@/lib/server/*"], message: "Components import nothing from lib/server." },
          ],
        },
      ],
    },
  },
  {
    // The layers point one way: a cycle means two modules that are one concern, or a misplaced piece.
    files: ["app/**", "components/**", "lib/**", "scripts/**"],
    settings: { "import/ignore": ["node_modules"] },
    rules: { "import/no-cycle": ["error", { ignoreExternal: true }] },
  },
  {
    files: ["lib/forecast/**", "lib/market/**", "lib/export/**"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": ["error", FRAMEWORK_IMPORTS],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Pure libraries read no environment." },
      ],
    },
  },
]);
