/** Types for the `role-based-email-addresses` package (it ships none): a list of local parts. */
declare module 'role-based-email-addresses' {
  const rolePrefixes: readonly string[];
  export default rolePrefixes;
}
