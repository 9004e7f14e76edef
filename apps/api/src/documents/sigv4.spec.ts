import { EMPTY_PAYLOAD_HASH, signV4 } from './sigv4';

describe('signV4', () => {
  it("reproduces AWS's published S3 example (GET /test.txt, Range bytes=0-9, 2013-05-24)", () => {
    const headers = signV4(
      {
        method: 'GET',
        url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
        headers: { Range: 'bytes=0-9' },
        payloadHash: EMPTY_PAYLOAD_HASH,
        amzDate: '20130524T000000Z',
      },
      {
        accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
        secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        region: 'us-east-1',
      },
    );
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });

  it('changes with the secret, the path and the payload', () => {
    const base = {
      method: 'PUT',
      url: new URL('https://s3.example/bucket/key-1'),
      headers: {},
      payloadHash: EMPTY_PAYLOAD_HASH,
      amzDate: '20260501T000000Z',
    };
    const credentials = { accessKeyId: 'AK', secretAccessKey: 'secret-1', region: 'cn-north-1' };
    const one = signV4(base, credentials).authorization;
    expect(signV4(base, { ...credentials, secretAccessKey: 'secret-2' }).authorization).not.toBe(one);
    expect(
      signV4({ ...base, url: new URL('https://s3.example/bucket/key-2') }, credentials).authorization,
    ).not.toBe(one);
    expect(signV4({ ...base, payloadHash: 'UNSIGNED-PAYLOAD' }, credentials).authorization).not.toBe(one);
  });
});
