import { passwordRuleLines, type PasswordAudience } from '@yunzheng/domain';

/** The password rules, shown before the person types (the server checks them again). */
export function PasswordRules({ audience, id }: { audience: PasswordAudience; id: string }) {
  return (
    <ul id={id} style={{ margin: '0 0 8px', paddingLeft: 20, color: '#444', fontSize: 15 }}>
      {passwordRuleLines(audience).map((line) => (
        <li key={line}>{line}</li>
      ))}
      <li>可以粘贴，建议使用一句容易记住的话</li>
    </ul>
  );
}
