// Python sources bundled as text by esbuild (loader ".py": "text" in host/build.ts).
declare module "*.py" {
  const text: string;
  export default text;
}
