import { defineStrings } from '../define-strings.ts';

/**
 * The page for a young person who finds their own appeal (/your-appeal/), after Missing People's
 * "I've seen my appeal": words a 13-year-old understands. The Welsh speaks to them as "ti".
 */
export const yourAppealStrings = defineStrings(
  'your appeal',
  {
    title: 'Is this you? You are not in trouble',
    description:
      'For a young person who has found an appeal about themselves: why it is here, and how to get help in confidence.',
    heading: 'Have you seen an appeal about you?',
    lead: 'If you have found your own photo or name on this site, this page is for you.',
    notInTroubleHeading: 'You are not in trouble',
    notInTrouble:
      'An appeal does not mean you have done anything wrong. It means someone is worried about you and has told the police you are missing.',
    whyHeading: 'Why the appeal is here',
    why: 'The police asked for the appeal so they can find you and check that you are safe and well. That is all they want to know.',
    howLongHeading: 'How long the appeal stays up',
    howLong:
      'The appeal stays up until the police know you are safe. To take it down, the police need to see you or talk to you, to check you are all right. Then it comes off this site.',
    feelings:
      'Seeing your appeal can be a shock, or upsetting. That is normal. You can talk it through with someone who will listen and will not judge you.',
    helpHeading: 'Get help, or send a message home',
    help: (helpline: string) =>
      `${helpline} can help. It is free, and you do not need any credit on your phone.`,
    call: 'Call',
    text: 'Text',
    email: 'Email',
    confidential:
      'What you tell them stays private. They will not tell anyone where you are, unless you want them to or they think you are in serious danger.',
    messageHome: (service: string) =>
      `${service} can pass a message to your family or carers for you, without saying where you are.`,
    messageHomeNoService:
      'They can pass a message to your family or carers for you, without saying where you are.',
    callOrText: 'Call or text',
    dangerHeading: 'If you are in danger',
    danger: 'If you are in danger now, call',
    police: 'You can also call the police on',
    policeAfter: 'and say you have seen your appeal.',
    link: 'Is this you? You are not in trouble.',
  },
  {
    title: 'Ai ti sydd yn yr apêl? Dwyt ti ddim mewn trwbl',
    description:
      'I bobl ifanc sydd wedi gweld apêl amdanyn nhw eu hunain: pam mae hi yma, a sut i gael help yn gyfrinachol.',
    heading: 'Wyt ti wedi gweld apêl amdanat ti?',
    lead: 'Os wyt ti wedi dod o hyd i dy lun neu dy enw dy hun ar y wefan hon, mae’r dudalen hon i ti.',
    notInTroubleHeading: 'Dwyt ti ddim mewn trwbl',
    notInTrouble:
      'Dydy apêl ddim yn golygu dy fod ti wedi gwneud dim byd o’i le. Mae’n golygu bod rhywun yn poeni amdanat ti ac wedi dweud wrth yr heddlu dy fod ti ar goll.',
    whyHeading: 'Pam mae’r apêl yma',
    why: 'Gofynnodd yr heddlu am yr apêl er mwyn dod o hyd i ti a gwneud yn siŵr dy fod ti’n ddiogel ac yn iach. Dyna’r cyfan maen nhw eisiau ei wybod.',
    howLongHeading: 'Am faint mae’r apêl yn aros',
    howLong:
      'Mae’r apêl yn aros ar y wefan nes bod yr heddlu’n gwybod dy fod ti’n ddiogel. I’w thynnu i lawr, mae angen i’r heddlu dy weld di neu siarad â ti, i wneud yn siŵr dy fod ti’n iawn. Wedyn bydd hi’n dod oddi ar y wefan hon.',
    feelings:
      'Gall gweld dy apêl fod yn sioc, neu’n peri gofid. Mae hynny’n normal. Gelli di siarad am y peth gyda rhywun a fydd yn gwrando arnat ti a fydd ddim yn dy farnu di.',
    helpHeading: 'Cael help, neu anfon neges adref',
    help: (helpline: string) => `Gall ${helpline} helpu. Mae am ddim, a does dim angen credyd ar dy ffôn.`,
    call: 'Ffonia',
    text: 'Tecstia',
    email: 'E-bostia',
    confidential:
      'Mae’r hyn rwyt ti’n ei ddweud wrthyn nhw yn aros yn breifat. Fyddan nhw ddim yn dweud wrth neb ble rwyt ti, oni bai dy fod ti eisiau iddyn nhw wneud, neu eu bod nhw’n meddwl dy fod ti mewn perygl difrifol.',
    messageHome: (service: string) =>
      `Gall ${service} anfon neges at dy deulu neu dy ofalwyr ar dy ran, heb ddweud ble rwyt ti.`,
    messageHomeNoService:
      'Gallan nhw anfon neges at dy deulu neu dy ofalwyr ar dy ran, heb ddweud ble rwyt ti.',
    callOrText: 'Ffonia neu tecstia',
    dangerHeading: 'Os wyt ti mewn perygl',
    danger: 'Os wyt ti mewn perygl nawr, ffonia',
    police: 'Gelli di hefyd ffonio’r heddlu ar',
    policeAfter: 'a dweud dy fod ti wedi gweld dy apêl.',
    link: 'Ai ti sydd yn yr apêl hon? Dwyt ti ddim mewn trwbl.',
  },
);
