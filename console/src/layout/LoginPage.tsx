import HomeWorkIcon from '@mui/icons-material/HomeWork';
import { Typography } from '@mui/material';
import { Login, LoginForm, useTranslate } from 'react-admin';

/** react-admin's login page, in French, with the platform's name above the form. */
export function LoginPage() {
  const translate = useTranslate();
  return (
    <Login avatarIcon={<HomeWorkIcon />} sx={{ background: 'linear-gradient(135deg, #1d3f8c 0%, #3a6fd8 100%)' }}>
      <Typography component="h1" variant="subtitle1" align="center" sx={{ px: 2, fontWeight: 600 }}>
        {translate('app.title')}
      </Typography>
      <LoginForm sx={{ '& .MuiTextField-root, & .MuiFormControl-root': { width: '100%' } }} />
    </Login>
  );
}
