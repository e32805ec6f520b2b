import { defaultTheme, type RaThemeOptions } from 'react-admin';

/** react-admin's default theme, denser and in the platform's blue: a console used all day. */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    ...defaultTheme.palette,
    primary: { main: '#1d3f8c' },
    secondary: { main: '#6a1b9a' },
    background: { default: '#f5f6f8' },
  },
  typography: { ...defaultTheme.typography, fontSize: 13 },
  components: {
    ...defaultTheme.components,
    MuiTextField: { defaultProps: { size: 'small', variant: 'outlined' } },
    MuiFormControl: { defaultProps: { size: 'small', variant: 'outlined' } },
    MuiChip: { styleOverrides: { sizeSmall: { height: 22, fontSize: 12 } } },
    // No CSV export from lists: personal data leaves only through audited exports (R-ENT-FIELDS, R-BAIL-MIN).
    RaList: { defaultProps: { exporter: false, perPage: 25 } },
  },
};
