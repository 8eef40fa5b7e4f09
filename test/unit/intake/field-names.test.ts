import { describe, expect, it } from 'vitest';
import { defaultFieldFor, normalizeFieldName } from '#shared/intake/mapping/field-names.ts';

describe('normalizeFieldName', () => {
  it.each([
    ['firstName', 'first name'],
    ['first_name', 'first name'],
    ['First Name *', 'first name'],
    ['Prénom', 'prenom'],
    ["Nom de l'entreprise", 'nom de l entreprise'],
    ['E-mail', 'e mail'],
    ['Email 2', 'email'],
    ['utm_source', 'utm source'],
  ])('writes %j as %j', (name, normalized) => {
    expect(normalizeFieldName(name)).toBe(normalized);
  });
});

describe('default field names, in English and French', () => {
  it.each([
    ['email', 'email'],
    ['E-mail', 'email'],
    ['Courriel', 'email'],
    ['Adresse e-mail', 'email'],
    ['work_email', 'email'],
    ['Prénom', 'firstName'],
    ['firstName', 'firstName'],
    ['Nom', 'lastName'],
    ['Last name', 'lastName'],
    ['Name', 'fullName'],
    ['Nom complet', 'fullName'],
    ['Société', 'company'],
    ['Entreprise', 'company'],
    ['Company name', 'company'],
    ['Poste', 'jobTitle'],
    ['Fonction', 'jobTitle'],
    ['Job title', 'jobTitle'],
    ['Téléphone', 'phone'],
    ['Phone number', 'phone'],
    ['Pays', 'country'],
    ['Budget', 'answers.budget'],
    ['Décideur', 'answers.authority'],
    ['Besoin', 'answers.need'],
    ['Délai', 'answers.timeline'],
    ['Consentement RGPD', 'consent'],
    ['utm_campaign', 'utm.campaign'],
    ['form_type', 'formType'],
  ])('maps %j to %s', (name, field) => {
    expect(defaultFieldFor(name)).toBe(field);
  });

  it('maps nothing it does not know', () => {
    expect(defaultFieldFor('question_3EKz4n')).toBeUndefined();
    expect(defaultFieldFor('Message')).toBeUndefined();
    expect(defaultFieldFor('__proto__')).toBeUndefined();
  });
});
