import { describe, expect, it } from 'vitest';

import { XmlRpcFault, XmlRpcParseError, parseResponse, serializeCall } from './xml-rpc.js';

describe('xml-rpc', () => {
  it('when a call has mixed params, then each is typed and escaped', () => {
    const xml = serializeCall('supervisor.startProcess', [
      'bot-<1>&',
      true,
      3,
      1.5,
      null,
      ['a'],
      { k: 'v' },
    ]);

    expect(xml).toContain('<methodName>supervisor.startProcess</methodName>');
    expect(xml).toContain('<string>bot-&lt;1&gt;&amp;</string>');
    expect(xml).toContain('<boolean>1</boolean>');
    expect(xml).toContain('<int>3</int>');
    expect(xml).toContain('<double>1.5</double>');
    expect(xml).toContain('<nil/>');
    expect(xml).toContain('<member><name>k</name><value><string>v</string></value></member>');
  });

  it('when a response holds a struct, an array and an untyped value, then all are parsed', () => {
    const xml = `<?xml version='1.0'?>
<methodResponse><params><param><value><array><data>
<value><struct>
<member><name>name</name><value><string>bot&amp;1</string></value></member>
<member><name>pid</name><value><int>42</int></value></member>
<member><name>ok</name><value><boolean>1</boolean></value></member>
<member><name>raw</name><value>plain</value></member>
<member><name>empty</name><value><string/></value></member>
</struct></value>
</data></array></value></param></params></methodResponse>`;

    const value = parseResponse(xml);

    expect(value).toEqual([{ name: 'bot&1', pid: 42, ok: true, raw: 'plain', empty: '' }]);
  });

  it('when the response is a fault, then XmlRpcFault carries code and string', () => {
    const xml = `<?xml version='1.0'?><methodResponse><fault><value><struct>
<member><name>faultCode</name><value><int>10</int></value></member>
<member><name>faultString</name><value><string>BAD_NAME: nope</string></value></member>
</struct></value></fault></methodResponse>`;

    const act = () => parseResponse(xml);

    expect(act).toThrow(XmlRpcFault);
    expect(act).toThrow('BAD_NAME: nope');
  });

  it('when the body is not XML-RPC, then XmlRpcParseError', () => {
    expect(() => parseResponse('<html><body>hi</body></html>')).toThrow(XmlRpcParseError);
  });
});
