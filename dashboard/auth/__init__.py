"""Access control: roles and areas, sign-in, the guard around every callback and route, hardening."""
