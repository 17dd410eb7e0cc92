/** @type {import('tailwindcss').Config} */
export default {
  content: ['./index.html', './src/**/*.{ts,tsx}'],
  darkMode: 'class',
  theme: {
    extend: {
      colors: {
        status: {
          success: '#15803d',
          failure: '#b91c1c',
          running: '#1d4ed8',
          skipped: '#6b7280',
        },
      },
    },
  },
  plugins: [],
};
