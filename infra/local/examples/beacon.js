// The page-visit beacon of docs/integrations.md, for the local runtime: keeps the visitor token the form's
// thank-you redirect puts in the URL fragment, then records this page view. Anonymous: sends nothing.
(() => {
  const api = 'http://127.0.0.1:3000';
  const fromForm = location.hash.match(/lf_vt=([\w.-]+)/);
  if (fromForm) {
    localStorage.setItem('lf_vt', fromForm[1]);
    history.replaceState(null, '', location.pathname + location.search);
  }
  const visitorToken = localStorage.getItem('lf_vt');
  if (!visitorToken) return;
  navigator.sendBeacon(
    `${api}/track`,
    JSON.stringify({ visitorToken, url: location.href, title: document.title, referrer: document.referrer }),
  );
})();
