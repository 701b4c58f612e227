// Bedrock's managed PROFANITY list is not published. This is a small built-in SUBSET of common
// English profanity so the bench can show the policy working; Bedrock will block more words
// (and other spellings) than this list does. The UI says so next to the checkbox.
export const PROFANITY_SUBSET: readonly string[] = [
  "fuck", "fucking", "fucked", "motherfucker", "shit", "bullshit", "bitch", "asshole", "bastard",
  "cunt", "dickhead", "prick", "wanker", "bollocks", "twat", "piss off",
];
