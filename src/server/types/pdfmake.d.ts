// pdfmake 0.3 ships no types; this is the part of its server API we use.
declare module 'pdfmake' {
  interface OutputDocument {
    getBuffer(): Promise<Buffer>;
  }
  const pdfmake: {
    addFonts(fonts: Record<string, Record<string, string>>): void;
    setUrlAccessPolicy(callback: (url: string) => boolean): void;
    setLocalAccessPolicy(callback: (path: string) => boolean): void;
    addTableLayouts(layouts: Record<string, Record<string, unknown>>): void;
    createPdf(definition: Record<string, unknown>): OutputDocument;
  };
  export default pdfmake;
}
