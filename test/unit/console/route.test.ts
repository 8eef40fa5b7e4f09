import { describe, expect, it } from 'vitest';
import { href, parseRoute } from '../../../console/src/route.ts';

describe('console routes', () => {
  it.each([
    ['', 'funnel'],
    ['#/', 'funnel'],
    ['#/funnel?days=30', 'funnel'],
    ['#/contacts?stage=review', 'contacts'],
    ['#/reviews', 'reviews'],
    ['#/model', 'model'],
    ['#/sign-in?next=%23%2Freviews', 'sign-in'],
    ['#/nowhere', 'funnel'],
  ])('reads %j as the %s view', (hash, view) => {
    expect(parseRoute(hash).view).toBe(view);
  });

  it('reads a contact page and the parameters of a view', () => {
    const contact = parseRoute('#/contacts/c_0123456789abcdef0123456789abcdef');
    expect(contact).toMatchObject({ view: 'contact', contactId: 'c_0123456789abcdef0123456789abcdef' });
    expect(parseRoute('#/contacts?q=ada&stage=lead').params.get('q')).toBe('ada');
    expect(parseRoute('#/sign-in?next=%23%2Freviews').params.get('next')).toBe('#/reviews');
  });

  it('writes links without empty parameters', () => {
    expect(href('contacts', { q: 'ada lovelace', stage: undefined, sort: 'score' })).toBe(
      '#/contacts?q=ada+lovelace&sort=score',
    );
    expect(href('funnel')).toBe('#/funnel');
  });
});
